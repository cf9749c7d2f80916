-- Hourly rollups of the series: one row per host, hour and device with the number of samples and, for each
-- value of the raw table, its minimum, average (rounded) and maximum over the hour, in the raw column's type.
-- hour is the UNIX second the hour starts at. The clustered key (host_id, hour[, device]) serves range reads,
-- the upserts of the rollup job (INSERT ... ON DUPLICATE KEY UPDATE: re-running an hour replaces it) and the
-- retention deletes; like the raw tables, no surrogate id, no secondary index, no foreign key.
-- Bytes per rolled-up value (three numbers each), with InnoDB's ~18 bytes of row overhead, the key and samples:
-- cpu (2+4+2 + 5*3*2 + 18) / 5 = 11.2; mem (8 + 4*3*4 + 18) / 4 = 18.5; net, disk, storage (10 + 48 + 18) / 4
-- = 19; proc_io (8 + 3*3*4 + 3*2 + 18) / 4 = 17 — about 6 bytes per stored number, 24 rows per host and day.

CREATE TABLE stat_cpu_hourly (
    host_id             SMALLINT UNSIGNED NOT NULL,
    hour                INT      UNSIGNED NOT NULL,
    samples             SMALLINT UNSIGNED NOT NULL,
    busy_pm_min         SMALLINT UNSIGNED NOT NULL,
    busy_pm_avg         SMALLINT UNSIGNED NOT NULL,
    busy_pm_max         SMALLINT UNSIGNED NOT NULL,
    user_pm_min         SMALLINT UNSIGNED NOT NULL,
    user_pm_avg         SMALLINT UNSIGNED NOT NULL,
    user_pm_max         SMALLINT UNSIGNED NOT NULL,
    system_pm_min       SMALLINT UNSIGNED NOT NULL,
    system_pm_avg       SMALLINT UNSIGNED NOT NULL,
    system_pm_max       SMALLINT UNSIGNED NOT NULL,
    iowait_pm_min       SMALLINT UNSIGNED NOT NULL,
    iowait_pm_avg       SMALLINT UNSIGNED NOT NULL,
    iowait_pm_max       SMALLINT UNSIGNED NOT NULL,
    load1_centi_min     SMALLINT UNSIGNED NOT NULL,
    load1_centi_avg     SMALLINT UNSIGNED NOT NULL,
    load1_centi_max     SMALLINT UNSIGNED NOT NULL,
    PRIMARY KEY (host_id, hour)
) ENGINE = InnoDB;

CREATE TABLE stat_mem_hourly (
    host_id             SMALLINT UNSIGNED NOT NULL,
    hour                INT      UNSIGNED NOT NULL,
    samples             SMALLINT UNSIGNED NOT NULL,
    total_kib_min       INT      UNSIGNED NOT NULL,
    total_kib_avg       INT      UNSIGNED NOT NULL,
    total_kib_max       INT      UNSIGNED NOT NULL,
    available_kib_min   INT      UNSIGNED NOT NULL,
    available_kib_avg   INT      UNSIGNED NOT NULL,
    available_kib_max   INT      UNSIGNED NOT NULL,
    swap_total_kib_min  INT      UNSIGNED NOT NULL,
    swap_total_kib_avg  INT      UNSIGNED NOT NULL,
    swap_total_kib_max  INT      UNSIGNED NOT NULL,
    swap_used_kib_min   INT      UNSIGNED NOT NULL,
    swap_used_kib_avg   INT      UNSIGNED NOT NULL,
    swap_used_kib_max   INT      UNSIGNED NOT NULL,
    PRIMARY KEY (host_id, hour)
) ENGINE = InnoDB;

CREATE TABLE stat_net_hourly (
    host_id             SMALLINT UNSIGNED NOT NULL,
    hour                INT      UNSIGNED NOT NULL,
    nic                 SMALLINT UNSIGNED NOT NULL,
    samples             SMALLINT UNSIGNED NOT NULL,
    rx_bytes_ps_min     INT      UNSIGNED NOT NULL,
    rx_bytes_ps_avg     INT      UNSIGNED NOT NULL,
    rx_bytes_ps_max     INT      UNSIGNED NOT NULL,
    tx_bytes_ps_min     INT      UNSIGNED NOT NULL,
    tx_bytes_ps_avg     INT      UNSIGNED NOT NULL,
    tx_bytes_ps_max     INT      UNSIGNED NOT NULL,
    rx_packets_ps_min   INT      UNSIGNED NOT NULL,
    rx_packets_ps_avg   INT      UNSIGNED NOT NULL,
    rx_packets_ps_max   INT      UNSIGNED NOT NULL,
    tx_packets_ps_min   INT      UNSIGNED NOT NULL,
    tx_packets_ps_avg   INT      UNSIGNED NOT NULL,
    tx_packets_ps_max   INT      UNSIGNED NOT NULL,
    PRIMARY KEY (host_id, hour, nic)
) ENGINE = InnoDB;

CREATE TABLE stat_disk_hourly (
    host_id             SMALLINT UNSIGNED NOT NULL,
    hour                INT      UNSIGNED NOT NULL,
    disk                SMALLINT UNSIGNED NOT NULL,
    samples             SMALLINT UNSIGNED NOT NULL,
    read_bytes_ps_min   INT      UNSIGNED NOT NULL,
    read_bytes_ps_avg   INT      UNSIGNED NOT NULL,
    read_bytes_ps_max   INT      UNSIGNED NOT NULL,
    write_bytes_ps_min  INT      UNSIGNED NOT NULL,
    write_bytes_ps_avg  INT      UNSIGNED NOT NULL,
    write_bytes_ps_max  INT      UNSIGNED NOT NULL,
    reads_ps_min        INT      UNSIGNED NOT NULL,
    reads_ps_avg        INT      UNSIGNED NOT NULL,
    reads_ps_max        INT      UNSIGNED NOT NULL,
    writes_ps_min       INT      UNSIGNED NOT NULL,
    writes_ps_avg       INT      UNSIGNED NOT NULL,
    writes_ps_max       INT      UNSIGNED NOT NULL,
    PRIMARY KEY (host_id, hour, disk)
) ENGINE = InnoDB;

CREATE TABLE stat_storage_hourly (
    host_id             SMALLINT UNSIGNED NOT NULL,
    hour                INT      UNSIGNED NOT NULL,
    mount               SMALLINT UNSIGNED NOT NULL,
    samples             SMALLINT UNSIGNED NOT NULL,
    total_mib_min       INT      UNSIGNED NOT NULL,
    total_mib_avg       INT      UNSIGNED NOT NULL,
    total_mib_max       INT      UNSIGNED NOT NULL,
    used_mib_min        INT      UNSIGNED NOT NULL,
    used_mib_avg        INT      UNSIGNED NOT NULL,
    used_mib_max        INT      UNSIGNED NOT NULL,
    free_mib_min        INT      UNSIGNED NOT NULL,
    free_mib_avg        INT      UNSIGNED NOT NULL,
    free_mib_max        INT      UNSIGNED NOT NULL,
    available_mib_min   INT      UNSIGNED NOT NULL,
    available_mib_avg   INT      UNSIGNED NOT NULL,
    available_mib_max   INT      UNSIGNED NOT NULL,
    PRIMARY KEY (host_id, hour, mount)
) ENGINE = InnoDB;

CREATE TABLE stat_proc_io_hourly (
    host_id             SMALLINT UNSIGNED NOT NULL,
    hour                INT      UNSIGNED NOT NULL,
    samples             SMALLINT UNSIGNED NOT NULL,
    read_bytes_ps_min   INT      UNSIGNED NOT NULL,
    read_bytes_ps_avg   INT      UNSIGNED NOT NULL,
    read_bytes_ps_max   INT      UNSIGNED NOT NULL,
    write_bytes_ps_min  INT      UNSIGNED NOT NULL,
    write_bytes_ps_avg  INT      UNSIGNED NOT NULL,
    write_bytes_ps_max  INT      UNSIGNED NOT NULL,
    cpu_pm_min          SMALLINT UNSIGNED NOT NULL,
    cpu_pm_avg          SMALLINT UNSIGNED NOT NULL,
    cpu_pm_max          SMALLINT UNSIGNED NOT NULL,
    rss_kib_min         INT      UNSIGNED NOT NULL,
    rss_kib_avg         INT      UNSIGNED NOT NULL,
    rss_kib_max         INT      UNSIGNED NOT NULL,
    PRIMARY KEY (host_id, hour)
) ENGINE = InnoDB;
