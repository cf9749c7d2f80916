package org.cloudweb.monitor.stats;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The series of a host, by their name in the API: table, value columns, and the device column with the
 * inventory table that names the devices (none for per-host series).
 */
public enum StatKind {
    CPU("cpu", "stat_cpu", null, null, null, "busy_pm", "user_pm", "system_pm", "iowait_pm", "load1_centi"),
    MEM("mem", "stat_mem", null, null, null, "total_kib", "available_kib", "swap_total_kib", "swap_used_kib"),
    NET("net", "stat_net", "nic", "host_net", "nic_no", "rx_bytes_ps", "tx_bytes_ps", "rx_packets_ps",
            "tx_packets_ps"),
    DISK("disk", "stat_disk", "disk", "host_disk", "disk_no", "read_bytes_ps", "write_bytes_ps", "reads_ps",
            "writes_ps"),
    STORAGE("storage", "stat_storage", "mount", "host_mount", "mount_no", "total_mib", "used_mib", "free_mib",
            "available_mib"),
    PROC_IO("proc-io", "stat_proc_io", null, null, null, "read_bytes_ps", "write_bytes_ps", "cpu_pm", "rss_kib");

    private static final Map<String, StatKind> BY_API_NAME = Arrays.stream(values())
            .collect(Collectors.toUnmodifiableMap(StatKind::apiName, Function.identity()));

    private final String apiName;
    private final String table;
    private final String deviceColumn;
    private final String deviceTable;
    private final String deviceNumberColumn;
    private final List<String> columns;

    StatKind(String apiName, String table, String deviceColumn, String deviceTable, String deviceNumberColumn,
             String... columns) {
        this.apiName = apiName;
        this.table = table;
        this.deviceColumn = deviceColumn;
        this.deviceTable = deviceTable;
        this.deviceNumberColumn = deviceNumberColumn;
        this.columns = List.of(columns);
    }

    public static Optional<StatKind> named(String name) {
        return Optional.ofNullable(name == null ? null : BY_API_NAME.get(name));
    }

    public String apiName() {
        return apiName;
    }

    public List<String> columns() {
        return columns;
    }

    /** The raw table. */
    public String table() {
        return table;
    }

    /** The table of hourly rollups (V6): per value {@code <column>_min}, {@code _avg}, {@code _max}. */
    public String hourlyTable() {
        return table + "_hourly";
    }

    /** The table of five-minute rollups (V14): per value {@code <column>_min}, {@code _sum}, {@code _max}. */
    public String fiveMinuteTable() {
        return table + "_5min";
    }

    /** The device column of per-device kinds, or null. */
    public String deviceColumn() {
        return deviceColumn;
    }

    String deviceTable() {
        return deviceTable;
    }

    String deviceNumberColumn() {
        return deviceNumberColumn;
    }

    /** The column naming a device in the inventory table ({@code name}, or {@code path} for mounts). */
    String deviceNameColumn() {
        return this == STORAGE ? "path" : "name";
    }
}
