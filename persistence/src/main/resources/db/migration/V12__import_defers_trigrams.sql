-- An import or repair inserts thousands of rows per transaction, and the insert trigger cut each name into its
-- trigrams in a loop of statements run row by row: measured with bench/import.sh (100,000 files), the batched
-- inserts of stobj rows took most of the import's time, nearly all of it in the trigger. Now the trigger can be
-- told to leave a connection's new rows alone: while the user variable @cloudweb_defer_grams is set (to 1) on a
-- connection, its inserts skip the loop, and whoever set it adds the trigrams of the rows it inserted with one
-- set-based INSERT IGNORE … SELECT … JOIN gram_pos in the same transaction (the same CRC32 of LOWER() under
-- utf8mb4_bin, of the same positions, as the loop), then sets it back to NULL. Only the consistency check does
-- that, and it always resets the variable before the connection goes back to its pool. Every other writer never
-- sets it, and its inserts get their trigrams from the trigger as before; renames and deletes are unchanged.
DROP TRIGGER stobj_gram_insert;

DELIMITER $$
CREATE TRIGGER stobj_gram_insert AFTER INSERT ON stobj FOR EACH ROW
BEGIN
    DECLARE lc VARCHAR(255) CHARACTER SET utf8mb4 COLLATE utf8mb4_bin DEFAULT LOWER(NEW.name);
    DECLARE last SMALLINT DEFAULT CHAR_LENGTH(lc) - 2;
    DECLARE i SMALLINT DEFAULT 1;
    IF @cloudweb_defer_grams IS NULL THEN
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
