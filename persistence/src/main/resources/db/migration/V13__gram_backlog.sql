-- An import adds the trigrams of a unit's new rows in a transaction of its own, while it reads the next unit's
-- files (measured with bench/import.sh: the trigram rows were a third of an import's time, the database's CPU
-- idle meanwhile while Java read files, and the other way round). The unit notes the range of row ids it
-- inserted here, in its own transaction; the transaction that adds the range's trigrams deletes the note. A note
-- that outlives a crash is worked off by the next check that writes (import, fsck --repair).
CREATE TABLE stobj_gram_backlog (
    id        BIGINT NOT NULL AUTO_INCREMENT,
    after_id  BIGINT NOT NULL,
    up_to_id  BIGINT NOT NULL,
    PRIMARY KEY (id)
) ENGINE = InnoDB;
