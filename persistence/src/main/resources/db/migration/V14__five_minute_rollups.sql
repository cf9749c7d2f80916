-- Five-minute rollups of the series, so that a chart of a day (288 buckets of 5 minutes) reads 288 rows per device
-- instead of combining the day's 8,640 raw samples at every request. One row per host, five minutes and device
-- with the number of samples and, for each value of the raw table, its minimum, sum and maximum: the sum rather
-- than a rounded average, so that buckets of 5 minutes or of any multiple of them give exactly what the raw samples
-- give (ROUND(SUM(sum) / SUM(samples)) is ROUND(AVG(value)) in the database's own decimal arithmetic). A sum is one
-- size up from its value (SMALLINT values: INT sums; INT values: BIGINT sums), room for 5 minutes of samples at the
-- shortest interval (1 s) and more. minute is the UNIX second the five minutes start at (a multiple of 300). Keys
-- as in the hourly rollups (V6): the clustered key (host_id, minute[, device]) serves range reads, the upserts of
-- the rollup job and the retention deletes; no surrogate id, no secondary index, no foreign key. Compressed pages
-- like the other series (V11); the bytes per value are in BENCHMARKS.md.

CREATE TABLE stat_cpu_5min (
    host_id             SMALLINT UNSIGNED NOT NULL,
    minute              INT      UNSIGNED NOT NULL,
    samples             SMALLINT UNSIGNED NOT NULL,
    busy_pm_min         SMALLINT UNSIGNED NOT NULL,
    busy_pm_sum         INT      UNSIGNED NOT NULL,
    busy_pm_max         SMALLINT UNSIGNED NOT NULL,
    user_pm_min         SMALLINT UNSIGNED NOT NULL,
    user_pm_sum         INT      UNSIGNED NOT NULL,
    user_pm_max         SMALLINT UNSIGNED NOT NULL,
    system_pm_min       SMALLINT UNSIGNED NOT NULL,
    system_pm_sum       INT      UNSIGNED NOT NULL,
    system_pm_max       SMALLINT UNSIGNED NOT NULL,
    iowait_pm_min       SMALLINT UNSIGNED NOT NULL,
    iowait_pm_sum       INT      UNSIGNED NOT NULL,
    iowait_pm_max       SMALLINT UNSIGNED NOT NULL,
    load1_centi_min     SMALLINT UNSIGNED NOT NULL,
    load1_centi_sum     INT      UNSIGNED NOT NULL,
    load1_centi_max     SMALLINT UNSIGNED NOT NULL,
    PRIMARY KEY (host_id, minute)
) ENGINE = InnoDB ROW_FORMAT = COMPRESSED KEY_BLOCK_SIZE = 8;

CREATE TABLE stat_mem_5min (
    host_id             SMALLINT UNSIGNED NOT NULL,
    minute              INT      UNSIGNED NOT NULL,
    samples             SMALLINT UNSIGNED NOT NULL,
    total_kib_min       INT      UNSIGNED NOT NULL,
    total_kib_sum       BIGINT   UNSIGNED NOT NULL,
    total_kib_max       INT      UNSIGNED NOT NULL,
    available_kib_min   INT      UNSIGNED NOT NULL,
    available_kib_sum   BIGINT   UNSIGNED NOT NULL,
    available_kib_max   INT      UNSIGNED NOT NULL,
    swap_total_kib_min  INT      UNSIGNED NOT NULL,
    swap_total_kib_sum  BIGINT   UNSIGNED NOT NULL,
    swap_total_kib_max  INT      UNSIGNED NOT NULL,
    swap_used_kib_min   INT      UNSIGNED NOT NULL,
    swap_used_kib_sum   BIGINT   UNSIGNED NOT NULL,
    swap_used_kib_max   INT      UNSIGNED NOT NULL,
    PRIMARY KEY (host_id, minute)
) ENGINE = InnoDB ROW_FORMAT = COMPRESSED KEY_BLOCK_SIZE = 8;

CREATE TABLE stat_net_5min (
    host_id             SMALLINT UNSIGNED NOT NULL,
    minute              INT      UNSIGNED NOT NULL,
    nic                 SMALLINT UNSIGNED NOT NULL,
    samples             SMALLINT UNSIGNED NOT NULL,
    rx_bytes_ps_min     INT      UNSIGNED NOT NULL,
    rx_bytes_ps_sum     BIGINT   UNSIGNED NOT NULL,
    rx_bytes_ps_max     INT      UNSIGNED NOT NULL,
    tx_bytes_ps_min     INT      UNSIGNED NOT NULL,
    tx_bytes_ps_sum     BIGINT   UNSIGNED NOT NULL,
    tx_bytes_ps_max     INT      UNSIGNED NOT NULL,
    rx_packets_ps_min   INT      UNSIGNED NOT NULL,
    rx_packets_ps_sum   BIGINT   UNSIGNED NOT NULL,
    rx_packets_ps_max   INT      UNSIGNED NOT NULL,
    tx_packets_ps_min   INT      UNSIGNED NOT NULL,
    tx_packets_ps_sum   BIGINT   UNSIGNED NOT NULL,
    tx_packets_ps_max   INT      UNSIGNED NOT NULL,
    PRIMARY KEY (host_id, minute, nic)
) ENGINE = InnoDB ROW_FORMAT = COMPRESSED KEY_BLOCK_SIZE = 8;

CREATE TABLE stat_disk_5min (
    host_id             SMALLINT UNSIGNED NOT NULL,
    minute              INT      UNSIGNED NOT NULL,
    disk                SMALLINT UNSIGNED NOT NULL,
    samples             SMALLINT UNSIGNED NOT NULL,
    read_bytes_ps_min   INT      UNSIGNED NOT NULL,
    read_bytes_ps_sum   BIGINT   UNSIGNED NOT NULL,
    read_bytes_ps_max   INT      UNSIGNED NOT NULL,
    write_bytes_ps_min  INT      UNSIGNED NOT NULL,
    write_bytes_ps_sum  BIGINT   UNSIGNED NOT NULL,
    write_bytes_ps_max  INT      UNSIGNED NOT NULL,
    reads_ps_min        INT      UNSIGNED NOT NULL,
    reads_ps_sum        BIGINT   UNSIGNED NOT NULL,
    reads_ps_max        INT      UNSIGNED NOT NULL,
    writes_ps_min       INT      UNSIGNED NOT NULL,
    writes_ps_sum       BIGINT   UNSIGNED NOT NULL,
    writes_ps_max       INT      UNSIGNED NOT NULL,
    PRIMARY KEY (host_id, minute, disk)
) ENGINE = InnoDB ROW_FORMAT = COMPRESSED KEY_BLOCK_SIZE = 8;

CREATE TABLE stat_storage_5min (
    host_id             SMALLINT UNSIGNED NOT NULL,
    minute              INT      UNSIGNED NOT NULL,
    mount               SMALLINT UNSIGNED NOT NULL,
    samples             SMALLINT UNSIGNED NOT NULL,
    total_mib_min       INT      UNSIGNED NOT NULL,
    total_mib_sum       BIGINT   UNSIGNED NOT NULL,
    total_mib_max       INT      UNSIGNED NOT NULL,
    used_mib_min        INT      UNSIGNED NOT NULL,
    used_mib_sum        BIGINT   UNSIGNED NOT NULL,
    used_mib_max        INT      UNSIGNED NOT NULL,
    free_mib_min        INT      UNSIGNED NOT NULL,
    free_mib_sum        BIGINT   UNSIGNED NOT NULL,
    free_mib_max        INT      UNSIGNED NOT NULL,
    available_mib_min   INT      UNSIGNED NOT NULL,
    available_mib_sum   BIGINT   UNSIGNED NOT NULL,
    available_mib_max   INT      UNSIGNED NOT NULL,
    PRIMARY KEY (host_id, minute, mount)
) ENGINE = InnoDB ROW_FORMAT = COMPRESSED KEY_BLOCK_SIZE = 8;

CREATE TABLE stat_proc_io_5min (
    host_id             SMALLINT UNSIGNED NOT NULL,
    minute              INT      UNSIGNED NOT NULL,
    samples             SMALLINT UNSIGNED NOT NULL,
    read_bytes_ps_min   INT      UNSIGNED NOT NULL,
    read_bytes_ps_sum   BIGINT   UNSIGNED NOT NULL,
    read_bytes_ps_max   INT      UNSIGNED NOT NULL,
    write_bytes_ps_min  INT      UNSIGNED NOT NULL,
    write_bytes_ps_sum  BIGINT   UNSIGNED NOT NULL,
    write_bytes_ps_max  INT      UNSIGNED NOT NULL,
    cpu_pm_min          SMALLINT UNSIGNED NOT NULL,
    cpu_pm_sum          INT      UNSIGNED NOT NULL,
    cpu_pm_max          SMALLINT UNSIGNED NOT NULL,
    rss_kib_min         INT      UNSIGNED NOT NULL,
    rss_kib_sum         BIGINT   UNSIGNED NOT NULL,
    rss_kib_max         INT      UNSIGNED NOT NULL,
    PRIMARY KEY (host_id, minute)
) ENGINE = InnoDB ROW_FORMAT = COMPRESSED KEY_BLOCK_SIZE = 8;
