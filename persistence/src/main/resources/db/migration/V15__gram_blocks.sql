-- The trigrams of the rows an import or a repair inserts, as posting blocks: one row per trigram and block of 64
-- row ids (block = id >> 6), whose bits say which of the block's ids hold the trigram (bit id & 63). Measured
-- with bench/import.sh (100,000 files): stobj_gram took 19 rows per name and was about half of the database's
-- work in an import (the rows, then InnoDB's purge of each one); the same names fill 252,000 block rows instead
-- of 1.9 million, at less than half the database's CPU. Only a check writes blocks (one at a time, so its
-- statements never wait for one another); every other writer keeps the insert trigger's rows in stobj_gram,
-- where concurrent uploads never share a row. A search reads both (a row's trigrams are in one or the other, or
-- both when an upload's row fell in an import's range), and checks every candidate's real name as before.
CREATE TABLE stobj_gram_block (
    gram  INT UNSIGNED    NOT NULL,
    block BIGINT          NOT NULL,
    bits  BIGINT UNSIGNED NOT NULL,
    PRIMARY KEY (gram, block)
) ENGINE = InnoDB;

-- A delete or a rename also takes the row's bit out of the blocks of its old name's trigrams (and a block
-- row whose last bit it was), so no bit outlives its row or its name. The triggers' bodies now live in two
-- procedures, one that adds a name's trigrams and one that removes them, which the three triggers share; what
-- they write is unchanged (V4, V9, V12): the same CRC32 of LOWER() under utf8mb4_bin (the column's collation),
-- the same deferral of an import's inserts.
DROP TRIGGER stobj_gram_insert;
DROP TRIGGER stobj_gram_delete;
DROP TRIGGER stobj_gram_rename;

DELIMITER $$
CREATE PROCEDURE stobj_gram_add(IN row_id BIGINT,
                                 IN row_name VARCHAR(255) CHARACTER SET utf8mb4 COLLATE utf8mb4_bin)
BEGIN
    DECLARE lc VARCHAR(255) CHARACTER SET utf8mb4 COLLATE utf8mb4_bin DEFAULT LOWER(row_name);
    DECLARE last SMALLINT DEFAULT CHAR_LENGTH(lc) - 2;
    DECLARE i SMALLINT DEFAULT 1;
    WHILE i <= last DO
        INSERT IGNORE INTO stobj_gram (gram, stobj_id) VALUES
            (CRC32(SUBSTRING(lc, i, 3)), row_id),
            (CRC32(SUBSTRING(lc, LEAST(i + 1, last), 3)), row_id),
            (CRC32(SUBSTRING(lc, LEAST(i + 2, last), 3)), row_id),
            (CRC32(SUBSTRING(lc, LEAST(i + 3, last), 3)), row_id),
            (CRC32(SUBSTRING(lc, LEAST(i + 4, last), 3)), row_id),
            (CRC32(SUBSTRING(lc, LEAST(i + 5, last), 3)), row_id),
            (CRC32(SUBSTRING(lc, LEAST(i + 6, last), 3)), row_id),
            (CRC32(SUBSTRING(lc, LEAST(i + 7, last), 3)), row_id);
        SET i = i + 8;
    END WHILE;
END$$

CREATE PROCEDURE stobj_gram_remove(IN row_id BIGINT,
                                    IN row_name VARCHAR(255) CHARACTER SET utf8mb4 COLLATE utf8mb4_bin)
BEGIN
    DELETE FROM stobj_gram WHERE stobj_id = row_id AND gram IN (
        SELECT CRC32(SUBSTRING(LOWER(row_name), p.n, 3)) FROM gram_pos p WHERE p.n <= CHAR_LENGTH(row_name) - 2);
    UPDATE stobj_gram_block SET bits = bits & ~(1 << (row_id & 63)) WHERE block = row_id >> 6 AND gram IN (
        SELECT CRC32(SUBSTRING(LOWER(row_name), p.n, 3)) FROM gram_pos p WHERE p.n <= CHAR_LENGTH(row_name) - 2);
    IF ROW_COUNT() > 0 THEN -- only for a row with blocks: the rows of uploads have none
        DELETE FROM stobj_gram_block WHERE block = row_id >> 6 AND bits = 0 AND gram IN (
            SELECT CRC32(SUBSTRING(LOWER(row_name), p.n, 3)) FROM gram_pos p WHERE p.n <= CHAR_LENGTH(row_name) - 2);
    END IF;
END$$

CREATE TRIGGER stobj_gram_insert AFTER INSERT ON stobj FOR EACH ROW
BEGIN
    IF @cloudweb_defer_grams IS NULL THEN
        CALL stobj_gram_add(NEW.id, NEW.name);
    END IF;
END$$

CREATE TRIGGER stobj_gram_delete AFTER DELETE ON stobj FOR EACH ROW
    CALL stobj_gram_remove(OLD.id, OLD.name)$$

CREATE TRIGGER stobj_gram_rename AFTER UPDATE ON stobj FOR EACH ROW
BEGIN
    IF NEW.name <> OLD.name THEN
        CALL stobj_gram_remove(OLD.id, OLD.name);
        CALL stobj_gram_add(NEW.id, NEW.name);
    END IF;
END$$
DELIMITER ;
