-- Host monitoring: one row per host (found again at each start by its identity key), its inventory, and the
-- time series every node writes for its own host at each tick.

-- identity_key is what makes concurrent registrations of one host meet on a single row (UNIQUE): it is
-- 'hw-uuid:…', 'serial:…', 'machine-id:…' or 'generated:…', whichever source the host could read first.
-- SMALLINT ids keep the series rows small; ids are only consumed when a host is new.
CREATE TABLE host (
    id              SMALLINT UNSIGNED NOT NULL AUTO_INCREMENT,
    identity_key    VARCHAR(128) CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
    name            VARCHAR(255) NOT NULL,
    uuid            VARCHAR(64)  NULL,
    product         VARCHAR(255) NULL,
    manufacturer    VARCHAR(255) NULL,
    version         VARCHAR(255) NULL,
    serial          VARCHAR(255) NULL,
    os              VARCHAR(255) NULL,
    memory_bytes    BIGINT UNSIGNED NULL,
    available       BOOLEAN      NOT NULL DEFAULT TRUE,
    registered_at   DATETIME(3)  NOT NULL,
    inventory_at    DATETIME(3)  NULL,
    last_seen       DATETIME(3)  NOT NULL,
    PRIMARY KEY (id),
    UNIQUE KEY uq_host_identity (identity_key)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

-- Inventory. The *_no numbers are stable per device name while the device exists: series rows refer to them.
CREATE TABLE host_cpu (
    host_id         SMALLINT UNSIGNED NOT NULL,
    package_no      SMALLINT UNSIGNED NOT NULL,
    name            VARCHAR(255) NOT NULL,
    vendor          VARCHAR(255) NULL,
    microarchitecture VARCHAR(255) NULL,
    identifier      VARCHAR(255) NULL,
    cores           SMALLINT UNSIGNED NOT NULL,
    threads         SMALLINT UNSIGNED NOT NULL,
    max_freq_hz     BIGINT UNSIGNED NULL,
    PRIMARY KEY (host_id, package_no),
    CONSTRAINT fk_host_cpu_host FOREIGN KEY (host_id) REFERENCES host (id) ON DELETE CASCADE
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

CREATE TABLE host_mem (
    host_id         SMALLINT UNSIGNED NOT NULL,
    module_no       SMALLINT UNSIGNED NOT NULL,
    bank            VARCHAR(255) NOT NULL,
    capacity_bytes  BIGINT UNSIGNED NOT NULL,
    clock_hz        BIGINT UNSIGNED NULL,
    manufacturer    VARCHAR(255) NULL,
    type            VARCHAR(64)  NULL,
    PRIMARY KEY (host_id, module_no),
    CONSTRAINT fk_host_mem_host FOREIGN KEY (host_id) REFERENCES host (id) ON DELETE CASCADE
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

CREATE TABLE host_net (
    host_id         SMALLINT UNSIGNED NOT NULL,
    nic_no          SMALLINT UNSIGNED NOT NULL,
    name            VARCHAR(255) NOT NULL,
    display_name    VARCHAR(255) NULL,
    mac             VARCHAR(64)  NULL,
    ipv4            VARCHAR(1024) NULL,
    ipv6            VARCHAR(2048) NULL,
    speed_bps       BIGINT UNSIGNED NULL,
    mtu             INT UNSIGNED NULL,
    link_up         BOOLEAN      NOT NULL,
    PRIMARY KEY (host_id, nic_no),
    UNIQUE KEY uq_host_net_name (host_id, name),
    CONSTRAINT fk_host_net_host FOREIGN KEY (host_id) REFERENCES host (id) ON DELETE CASCADE
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

CREATE TABLE host_disk (
    host_id         SMALLINT UNSIGNED NOT NULL,
    disk_no         SMALLINT UNSIGNED NOT NULL,
    name            VARCHAR(255) NOT NULL,
    model           VARCHAR(255) NULL,
    serial          VARCHAR(255) NULL,
    size_bytes      BIGINT UNSIGNED NOT NULL,
    PRIMARY KEY (host_id, disk_no),
    UNIQUE KEY uq_host_disk_name (host_id, name),
    CONSTRAINT fk_host_disk_host FOREIGN KEY (host_id) REFERENCES host (id) ON DELETE CASCADE
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

-- Mounted file systems: the path and uuid of a storage series live here once, not in every sample.
CREATE TABLE host_mount (
    host_id         SMALLINT UNSIGNED NOT NULL,
    mount_no        SMALLINT UNSIGNED NOT NULL,
    path            VARCHAR(1024) NOT NULL,
    uuid            VARCHAR(64)  NULL,
    fs_type         VARCHAR(64)  NULL,
    volume          VARCHAR(1024) NULL,
    PRIMARY KEY (host_id, mount_no),
    CONSTRAINT fk_host_mount_host FOREIGN KEY (host_id) REFERENCES host (id) ON DELETE CASCADE
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

-- Series. Every row: host, time (UNIX seconds, INT UNSIGNED: 4 bytes), seq (per host and table, +1 per tick,
-- so a gap is a lost sample). The clustered key (host_id, time, seq[, device]) serves range reads and the
-- retention deletes; there is no surrogate id and no secondary index. No foreign key to host either: a check per
-- insert, and a cascade over millions of rows would hold long locks; a host's series go with retention.
-- Utilisation is per mille (SMALLINT), memory and space in KiB / MiB, rates per second saturating at 2^32-1.
-- Bytes per stored value, counting InnoDB's ~18 bytes of row overhead (header 5, trx id 6, roll pointer 7)
-- and the key columns: cpu (2+4+4 + 5*2 + 18) / 5 = 7.6; mem (10 + 4*4 + 18) / 4 = 11;
-- net (2+4+4+2 + 4*4 + 18) / 4 = 11.5; disk (12 + 4*4 + 18) / 4 = 11.5; storage (12 + 4*4 + 18) / 4 = 11.5;
-- proc_io (10 + 3*4 + 2 + 18) / 4 = 10.5 — all within 12 bytes, before page fill (~15/16) and compression.

CREATE TABLE stat_cpu (
    host_id         SMALLINT UNSIGNED NOT NULL,
    time            INT UNSIGNED      NOT NULL,
    seq             INT UNSIGNED      NOT NULL,
    busy_pm         SMALLINT UNSIGNED NOT NULL,
    user_pm         SMALLINT UNSIGNED NOT NULL,
    system_pm       SMALLINT UNSIGNED NOT NULL,
    iowait_pm       SMALLINT UNSIGNED NOT NULL,
    load1_centi     SMALLINT UNSIGNED NOT NULL,
    PRIMARY KEY (host_id, time, seq)
) ENGINE = InnoDB;

CREATE TABLE stat_mem (
    host_id         SMALLINT UNSIGNED NOT NULL,
    time            INT UNSIGNED      NOT NULL,
    seq             INT UNSIGNED      NOT NULL,
    total_kib       INT UNSIGNED      NOT NULL,
    available_kib   INT UNSIGNED      NOT NULL,
    swap_total_kib  INT UNSIGNED      NOT NULL,
    swap_used_kib   INT UNSIGNED      NOT NULL,
    PRIMARY KEY (host_id, time, seq)
) ENGINE = InnoDB;

-- nic 0 is the sum over all NICs, n > 0 is host_net.nic_no.
CREATE TABLE stat_net (
    host_id         SMALLINT UNSIGNED NOT NULL,
    time            INT UNSIGNED      NOT NULL,
    seq             INT UNSIGNED      NOT NULL,
    nic             SMALLINT UNSIGNED NOT NULL,
    rx_bytes_ps     INT UNSIGNED      NOT NULL,
    tx_bytes_ps     INT UNSIGNED      NOT NULL,
    rx_packets_ps   INT UNSIGNED      NOT NULL,
    tx_packets_ps   INT UNSIGNED      NOT NULL,
    PRIMARY KEY (host_id, time, seq, nic)
) ENGINE = InnoDB;

-- disk 0 is the sum over all disks, n > 0 is host_disk.disk_no.
CREATE TABLE stat_disk (
    host_id         SMALLINT UNSIGNED NOT NULL,
    time            INT UNSIGNED      NOT NULL,
    seq             INT UNSIGNED      NOT NULL,
    disk            SMALLINT UNSIGNED NOT NULL,
    read_bytes_ps   INT UNSIGNED      NOT NULL,
    write_bytes_ps  INT UNSIGNED      NOT NULL,
    reads_ps        INT UNSIGNED      NOT NULL,
    writes_ps       INT UNSIGNED      NOT NULL,
    PRIMARY KEY (host_id, time, seq, disk)
) ENGINE = InnoDB;

-- mount is host_mount.mount_no; sizes in MiB (INT UNSIGNED: up to 4 PiB per file system).
CREATE TABLE stat_storage (
    host_id         SMALLINT UNSIGNED NOT NULL,
    time            INT UNSIGNED      NOT NULL,
    seq             INT UNSIGNED      NOT NULL,
    mount           SMALLINT UNSIGNED NOT NULL,
    total_mib       INT UNSIGNED      NOT NULL,
    used_mib        INT UNSIGNED      NOT NULL,
    free_mib        INT UNSIGNED      NOT NULL,
    available_mib   INT UNSIGNED      NOT NULL,
    PRIMARY KEY (host_id, time, seq, mount)
) ENGINE = InnoDB;

-- This CloudWeb process: its storage I/O rates, CPU (per mille of the whole host) and resident memory.
CREATE TABLE stat_proc_io (
    host_id         SMALLINT UNSIGNED NOT NULL,
    time            INT UNSIGNED      NOT NULL,
    seq             INT UNSIGNED      NOT NULL,
    read_bytes_ps   INT UNSIGNED      NOT NULL,
    write_bytes_ps  INT UNSIGNED      NOT NULL,
    cpu_pm          SMALLINT UNSIGNED NOT NULL,
    rss_kib         INT UNSIGNED      NOT NULL,
    PRIMARY KEY (host_id, time, seq)
) ENGINE = InnoDB;
