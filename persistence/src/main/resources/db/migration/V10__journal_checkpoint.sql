-- While the database is unreachable, each node journals the index changes of the file operations it still
-- serves (a segment file per outage under <data>/journal). Replay applies an entry and moves the segment's
-- checkpoint in one transaction, so every entry takes effect exactly once, even if replay is cut short.
CREATE TABLE journal_checkpoint (
    segment     VARCHAR(100) CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
    last_seq    BIGINT UNSIGNED NOT NULL,
    replayed_at DATETIME(3)     NOT NULL,
    PRIMARY KEY (segment)
) ENGINE = InnoDB;
