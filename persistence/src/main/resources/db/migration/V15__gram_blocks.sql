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
-- row whose last bit it was), so no bit outlives its row or its name. Otherwise unchanged (V4, V9).
DROP TRIGGER stobj_gram_delete;
DROP TRIGGER stobj_gram_rename;

DELIMITER $$
CREATE TRIGGER stobj_gram_delete AFTER DELETE ON stobj FOR EACH ROW
BEGIN
    DELETE FROM stobj_gram WHERE stobj_id = OLD.id AND gram IN (
        SELECT CRC32(SUBSTRING(LOWER(OLD.name), p.n, 3)) FROM gram_pos p WHERE p.n <= CHAR_LENGTH(OLD.name) - 2);
    DELETE FROM stobj_gram_block WHERE block = OLD.id >> 6 AND bits = 1 << (OLD.id & 63) AND gram IN (
        SELECT CRC32(SUBSTRING(LOWER(OLD.name), p.n, 3)) FROM gram_pos p WHERE p.n <= CHAR_LENGTH(OLD.name) - 2);
    UPDATE stobj_gram_block SET bits = bits & ~(1 << (OLD.id & 63)) WHERE block = OLD.id >> 6 AND gram IN (
        SELECT CRC32(SUBSTRING(LOWER(OLD.name), p.n, 3)) FROM gram_pos p WHERE p.n <= CHAR_LENGTH(OLD.name) - 2);
END$$

CREATE TRIGGER stobj_gram_rename AFTER UPDATE ON stobj FOR EACH ROW
BEGIN
    DECLARE lc VARCHAR(255) CHARACTER SET utf8mb4 COLLATE utf8mb4_bin DEFAULT LOWER(NEW.name);
    DECLARE last SMALLINT DEFAULT CHAR_LENGTH(lc) - 2;
    DECLARE i SMALLINT DEFAULT 1;
    IF NEW.name <> OLD.name THEN
        DELETE FROM stobj_gram WHERE stobj_id = OLD.id AND gram IN (
            SELECT CRC32(SUBSTRING(LOWER(OLD.name), p.n, 3)) FROM gram_pos p WHERE p.n <= CHAR_LENGTH(OLD.name) - 2);
        DELETE FROM stobj_gram_block WHERE block = OLD.id >> 6 AND bits = 1 << (OLD.id & 63) AND gram IN (
            SELECT CRC32(SUBSTRING(LOWER(OLD.name), p.n, 3)) FROM gram_pos p WHERE p.n <= CHAR_LENGTH(OLD.name) - 2);
        UPDATE stobj_gram_block SET bits = bits & ~(1 << (OLD.id & 63)) WHERE block = OLD.id >> 6 AND gram IN (
            SELECT CRC32(SUBSTRING(LOWER(OLD.name), p.n, 3)) FROM gram_pos p WHERE p.n <= CHAR_LENGTH(OLD.name) - 2);
        WHILE i <= last DO
            INSERT IGNORE INTO stobj_gram (gram, stobj_id) VALUES
                (CRC32(SUBSTRING(lc, i, 3)), NEW.id),
                (CRC32(SUBSTRING(lc, LEAST(i + 1, last), 3)), NEW.id),
                (CRC32(SUBSTRING(lc, LEAST(i + 2, last), 3)), NEW.id),
                (CRC32(SUBSTRING(lc, LEAST(i + 3, last), 3)), NEW.id),
                (CRC32(SUBSTRING(lc, LEAST(i + 4, last), 3)), NEW.id),
                (CRC32(SUBSTRING(lc, LEAST(i + 5, last), 3)), NEW.id),
                (CRC32(SUBSTRING(lc, LEAST(i + 6, last), 3)), NEW.id),
                (CRC32(SUBSTRING(lc, LEAST(i + 7, last), 3)), NEW.id);
            SET i = i + 8;
        END WHILE;
    END IF;
END$$
DELIMITER ;
