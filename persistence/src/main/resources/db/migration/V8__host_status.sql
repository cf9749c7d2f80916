-- The latest status of each host, written by the node that runs on it, so that any node can answer for any
-- host: the results of its check round (data directory, clock, the service checks of monitor.checks) and the
-- load figures of its last tick, which rank the hosts. One small row per host, updated in place.

-- checked_at and the data_dir_* / time_* / db_skew_ms columns come from the check round (every 30 s);
-- load_at and the load columns from every monitor tick. NULL is "not measured (yet)", and for time_synced
-- "unknown" (the kernel's clock state could not be read).
CREATE TABLE host_status (
    host_id             SMALLINT UNSIGNED NOT NULL,
    checked_at          DATETIME(3)       NULL,
    check_millis        INT UNSIGNED      NULL,
    data_dir_ok         BOOLEAN           NULL,
    data_dir_free_bytes BIGINT UNSIGNED   NULL,
    data_dir_detail     VARCHAR(255)      NULL,
    time_synced         BOOLEAN           NULL,
    time_offset_us      BIGINT            NULL,
    time_max_error_us   BIGINT            NULL,
    time_est_error_us   BIGINT            NULL,
    time_detail         VARCHAR(255)      NULL,
    db_skew_ms          INT               NULL,
    load_at             DATETIME(3)       NULL,
    cpu_pm              SMALLINT UNSIGNED NULL,
    mem_pm              SMALLINT UNSIGNED NULL,
    in_flight_centi     INT UNSIGNED      NULL,
    cpu_threads         SMALLINT UNSIGNED NULL,
    PRIMARY KEY (host_id),
    CONSTRAINT fk_host_status_host FOREIGN KEY (host_id) REFERENCES host (id) ON DELETE CASCADE
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

-- One row per configured service check and host; name is the check as written in monitor.checks
-- ('process:mariadbd', 'tcp:127.0.0.1:3306'), compared byte-wise (process names are case-sensitive). Rows of
-- checks no longer configured are removed by the host's next check round.
CREATE TABLE host_check (
    host_id             SMALLINT UNSIGNED NOT NULL,
    name                VARCHAR(255) CHARACTER SET utf8mb4 COLLATE utf8mb4_bin NOT NULL,
    ok                  BOOLEAN           NOT NULL,
    detail              VARCHAR(255)      NOT NULL,
    checked_at          DATETIME(3)       NOT NULL,
    PRIMARY KEY (host_id, name),
    CONSTRAINT fk_host_check_host FOREIGN KEY (host_id) REFERENCES host (id) ON DELETE CASCADE
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;
