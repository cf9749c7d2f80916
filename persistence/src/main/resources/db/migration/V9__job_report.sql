-- The report of a consistency check or an import: counts per kind of finding and a bounded list of example
-- paths per kind, as a JSON object. Example paths may be up to 4000 bytes each, so TEXT (64 KiB) is too small.
ALTER TABLE job ADD COLUMN report MEDIUMTEXT NULL AFTER result;
