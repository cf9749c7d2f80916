-- Search by name, case-insensitive, over the whole tree.
--
-- Prefix and exact searches range-scan a lower-case copy of the name, kept by the database itself (a generated
-- column: no writer can forget it). Substring searches look up trigrams: stobj_gram holds the CRC32 of each
-- distinct three-character piece of every lower-case name, and a search intersects the rows of the trigrams of
-- its query, then checks each candidate's real name (a CRC32 collision only costs a check, never a wrong hit).
-- Triggers keep the trigrams right for every writer: JPA, the copier's INSERT … SELECT, bulk imports. Both
-- the column and the triggers lower-case with the same function, LOWER() under utf8mb4_bin, and searches
-- lower-case their query the same way, so Java and SQL never disagree about case.

ALTER TABLE stobj
    ADD COLUMN name_lc VARCHAR(255) CHARACTER SET utf8mb4 COLLATE utf8mb4_bin AS (LOWER(name)) STORED,
    ADD KEY ix_stobj_owner_name_lc (owner_id, name_lc),
    ADD KEY ix_stobj_name_lc (name_lc);

-- The character positions of a name (at most 255 characters), to cut it into trigrams in SQL.
CREATE TABLE gram_pos (
    n SMALLINT UNSIGNED NOT NULL,
    PRIMARY KEY (n)
) ENGINE = InnoDB;

INSERT INTO gram_pos (n)
WITH RECURSIVE pos (n) AS (SELECT 1 UNION ALL SELECT n + 1 FROM pos WHERE n < 255)
SELECT n FROM pos;

-- Clustered by trigram, so the rows of one trigram are read in stobj id order, which is the order substring
-- results are paged in. Deliberately the primary key alone, without a foreign key (whose index on stobj_id
-- would double the table and the work of every insert): the triggers below remove a row's trigrams by
-- primary key when it is deleted or renamed. Rows removed by a foreign-key cascade (which fires no trigger;
-- the application deletes subtrees level by level instead) leave their trigrams behind: they match nothing,
-- as every candidate is joined to its row and ids are never reused.
CREATE TABLE stobj_gram (
    gram     INT UNSIGNED NOT NULL,
    stobj_id BIGINT       NOT NULL,
    PRIMARY KEY (gram, stobj_id)
) ENGINE = InnoDB;

-- The trigrams of the rows already there, in key order (3x faster than unordered on a large tree); IGNORE drops
-- the repeated trigrams of a name.
INSERT IGNORE INTO stobj_gram (gram, stobj_id)
SELECT CRC32(SUBSTRING(s.name_lc, p.n, 3)) AS gram, s.id
FROM stobj s JOIN gram_pos p ON p.n <= CHAR_LENGTH(s.name_lc) - 2
ORDER BY gram, s.id;

-- A rename replaces the trigrams; other updates (size, owner, state, parent) leave them alone. No BEFORE
-- trigger: with one on stobj, MariaDB 11.4 refused INSERT … SELECT into stobj ("owner_id cannot be null").
CREATE TRIGGER stobj_gram_insert AFTER INSERT ON stobj FOR EACH ROW
    INSERT INTO stobj_gram (gram, stobj_id)
    SELECT DISTINCT CRC32(SUBSTRING(LOWER(NEW.name), p.n, 3)), NEW.id
    FROM gram_pos p WHERE p.n <= CHAR_LENGTH(NEW.name) - 2;

CREATE TRIGGER stobj_gram_delete AFTER DELETE ON stobj FOR EACH ROW
    DELETE FROM stobj_gram WHERE stobj_id = OLD.id AND gram IN (
        SELECT CRC32(SUBSTRING(LOWER(OLD.name), p.n, 3)) FROM gram_pos p WHERE p.n <= CHAR_LENGTH(OLD.name) - 2);

DELIMITER $$
CREATE TRIGGER stobj_gram_rename AFTER UPDATE ON stobj FOR EACH ROW
BEGIN
    IF NEW.name <> OLD.name THEN
        DELETE FROM stobj_gram WHERE stobj_id = OLD.id AND gram IN (
            SELECT CRC32(SUBSTRING(LOWER(OLD.name), p.n, 3)) FROM gram_pos p WHERE p.n <= CHAR_LENGTH(OLD.name) - 2);
        INSERT INTO stobj_gram (gram, stobj_id)
        SELECT DISTINCT CRC32(SUBSTRING(LOWER(NEW.name), p.n, 3)), NEW.id
        FROM gram_pos p WHERE p.n <= CHAR_LENGTH(NEW.name) - 2;
    END IF;
END$$
DELIMITER ;
