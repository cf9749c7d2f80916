-- The audit trail is read newest first with an id cursor, per user or per action: index what those pages
-- walk. The time index stays for since/until filters and for pruning by the retention setting.
ALTER TABLE record
    DROP KEY ix_record_user_time,
    ADD KEY ix_record_user (user_id, id),
    ADD KEY ix_record_action (action, id);
