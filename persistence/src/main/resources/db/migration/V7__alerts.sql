-- Alerting: threshold rules over the host monitor's metrics, and the events they raise. Each node evaluates
-- the rules against its own host at every tick, in memory; these tables change only when an alert fires,
-- resolves or is notified, and when an administrator edits a rule.

-- host_id NULL means every host. comparison is how the metric is compared with threshold; the alert clears
-- once the comparison no longer holds against clear_threshold (NULL: the threshold itself), which is on the
-- safe side of the threshold (hysteresis). for_seconds: how long the condition must hold before the alert
-- fires; repeat_seconds: the reminder interval while it fires (NULL: no reminders). recipients is a
-- comma-separated list of e-mail addresses; NULL sends to every enabled administrator.
CREATE TABLE alert_rule (
    id              BIGINT        NOT NULL AUTO_INCREMENT,
    name            VARCHAR(255)  NOT NULL,
    metric          VARCHAR(32)   CHARACTER SET ascii NOT NULL,
    host_id         SMALLINT UNSIGNED NULL,
    comparison      ENUM('>', '>=', '<', '<=') NOT NULL,
    threshold       DOUBLE        NOT NULL,
    clear_threshold DOUBLE        NULL,
    for_seconds     INT UNSIGNED  NOT NULL DEFAULT 0,
    repeat_seconds  INT UNSIGNED  NULL,
    recipients      VARCHAR(4000) NULL,
    enabled         BOOLEAN       NOT NULL DEFAULT TRUE,
    created_at      DATETIME(6)   NOT NULL,
    updated_at      DATETIME(6)   NOT NULL,
    PRIMARY KEY (id),
    KEY ix_alert_rule_host (host_id),
    CONSTRAINT fk_alert_rule_host FOREIGN KEY (host_id) REFERENCES host (id) ON DELETE CASCADE
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

-- One row per firing of a rule on a host: inserted when it fires, updated when it is notified and when it
-- resolves. At most one event of a (rule, host) is 'firing' at a time; a restarted node finds it through
-- ix_alert_event_open and carries on with it. Lists go newest first by id (the primary key, or the
-- (state, id) and (host_id, id) indexes when filtered).
CREATE TABLE alert_event (
    id               BIGINT       NOT NULL AUTO_INCREMENT,
    rule_id          BIGINT       NOT NULL,
    host_id          SMALLINT UNSIGNED NOT NULL,
    state            ENUM('firing', 'resolved') NOT NULL,
    value            DOUBLE       NOT NULL,
    resolved_value   DOUBLE       NULL,
    started_at       DATETIME(6)  NOT NULL,
    resolved_at      DATETIME(6)  NULL,
    last_notified_at DATETIME(6)  NULL,
    notifications    INT UNSIGNED NOT NULL DEFAULT 0,
    PRIMARY KEY (id),
    KEY ix_alert_event_open (rule_id, host_id, state),
    KEY ix_alert_event_state (state, id),
    KEY ix_alert_event_host (host_id, id),
    CONSTRAINT fk_alert_event_rule FOREIGN KEY (rule_id) REFERENCES alert_rule (id) ON DELETE CASCADE,
    CONSTRAINT fk_alert_event_host FOREIGN KEY (host_id) REFERENCES host (id) ON DELETE CASCADE
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;
