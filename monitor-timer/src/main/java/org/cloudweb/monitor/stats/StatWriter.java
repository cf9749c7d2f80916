package org.cloudweb.monitor.stats;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.cloudweb.ejb.config.ConfigKey;
import org.cloudweb.monitor.MonitorException;
import org.cloudweb.monitor.host.DeviceNumbers;

/**
 * Writes one tick's rows, all in one transaction, with plain JDBC: a handful of statements per tick. It runs on
 * the connection that holds the host's lease (see {@code HostLease}), in that connection's own transaction:
 * taking a pooled connection, an EJB call and a container transaction around the statements cost the tick
 * about as much CPU as the statements themselves (2.5 of 3.2 ms, measured with JFR).
 */
public final class StatWriter {

    static final long UINT_MAX = 0xFFFF_FFFFL;

    private StatWriter() {
    }

    /**
     * Writes one tick's rows and answers {@code monitor.interval} as it is set now, read with them: the tick
     * needs it for its next schedule, and a read of its own (another EJB call and connection) cost the tick about
     * 1 ms of CPU, through {@code ConfigService} 1.8 ms, as much as OSHI's whole poll.
     *
     * @param c    a connection outside any container transaction; left in auto-commit mode, as it came
     * @param also statements of other features to write in the same transaction (the host's load), or none
     */
    public static Duration write(Connection c, int hostId, long seq, Sample sample, DeviceNumbers devices,
                                 TickStatement... also) {
        try {
            c.setAutoCommit(false);
            try {
                Duration interval = store(c, hostId, seq, sample, devices);
                for (TickStatement statement : also) {
                    if (statement != null) {
                        statement.run(c);
                    }
                }
                c.commit();
                return interval;
            } catch (SQLException | RuntimeException e) {
                c.rollback();
                throw e;
            } finally {
                c.setAutoCommit(true);
            }
        } catch (SQLException e) {
            throw new MonitorException("Cannot store the sample", e);
        }
    }

    private static Duration store(Connection c, int hostId, long seq, Sample sample, DeviceNumbers devices)
            throws SQLException {
        long time = sample.epochSecond();
        if (sample.cpu() != null) {
            Sample.Cpu cpu = sample.cpu();
            insert(c, "INSERT INTO stat_cpu (host_id, time, seq, busy_pm, user_pm, system_pm, iowait_pm,"
                    + " load1_centi) VALUES (?, ?, ?, ?, ?, ?, ?, ?)", List.of(new long[] {hostId, time, seq,
                    cpu.busy(), cpu.user(), cpu.system(), cpu.iowait(), cpu.load1Centi()}));
        }
        Sample.Memory mem = sample.memory();
        insert(c, "INSERT INTO stat_mem (host_id, time, seq, total_kib, available_kib, swap_total_kib,"
                + " swap_used_kib) VALUES (?, ?, ?, ?, ?, ?, ?)", List.of(new long[] {hostId, time, seq,
                mem.totalKib(), mem.availableKib(), mem.swapTotalKib(), mem.swapUsedKib()}));
        insert(c, "INSERT INTO stat_net (host_id, time, seq, nic, rx_bytes_ps, tx_bytes_ps, rx_packets_ps,"
                + " tx_packets_ps) VALUES (?, ?, ?, ?, ?, ?, ?, ?)", rows(sample.netTotal(), sample.nets(),
                devices.nics(), n -> new long[] {n.rxBytes(), n.txBytes(), n.rxPackets(), n.txPackets()},
                Sample.Net::name, hostId, time, seq));
        insert(c, "INSERT INTO stat_disk (host_id, time, seq, disk, read_bytes_ps, write_bytes_ps, reads_ps,"
                + " writes_ps) VALUES (?, ?, ?, ?, ?, ?, ?, ?)", rows(sample.diskTotal(), sample.disks(),
                devices.disks(), d -> new long[] {d.readBytes(), d.writeBytes(), d.reads(), d.writes()},
                Sample.Disk::name, hostId, time, seq));
        insert(c, "INSERT INTO stat_storage (host_id, time, seq, mount, total_mib, used_mib, free_mib,"
                + " available_mib) VALUES (?, ?, ?, ?, ?, ?, ?, ?)", rows(null, sample.storage(),
                devices.mounts(), s -> new long[] {s.totalMib(), s.usedMib(), s.freeMib(), s.availableMib()},
                Sample.Storage::path, hostId, time, seq));
        if (sample.process() != null) {
            Sample.ProcessIo p = sample.process();
            insert(c, "INSERT INTO stat_proc_io (host_id, time, seq, read_bytes_ps, write_bytes_ps, cpu_pm,"
                    + " rss_kib) VALUES (?, ?, ?, ?, ?, ?, ?)", List.of(new long[] {hostId, time, seq,
                    p.readBytes(), p.writeBytes(), p.cpu(), p.rssKib()}));
        }
        try (PreparedStatement seen = c.prepareStatement(
                "UPDATE host SET last_seen = ?, available = TRUE WHERE id = ?")) {
            seen.setTimestamp(1, Timestamp.from(Instant.ofEpochSecond(time)));
            seen.setInt(2, hostId);
            seen.executeUpdate();
        }
        try (PreparedStatement setting = c.prepareStatement("SELECT conf_value FROM webconf WHERE conf_key = ?")) {
            setting.setString(1, ConfigKey.MONITOR_INTERVAL.name());
            try (ResultSet row = setting.executeQuery()) {
                return row.next() ? ConfigKey.MONITOR_INTERVAL.read(row.getString(1))
                        : ConfigKey.MONITOR_INTERVAL.defaultValue();
            }
        }
    }

    /** The total row (device 0) and one row per device the inventory knows; unknown devices wait for it. */
    private static <T> List<long[]> rows(T total, List<T> devices, Map<String, Integer> numbers,
                                         Function<T, long[]> values, Function<T, String> name,
                                         int hostId, long time, long seq) {
        ArrayList<long[]> rows = new ArrayList<>();
        if (total != null) {
            rows.add(row(hostId, time, seq, 0, values.apply(total)));
        }
        for (T device : devices) {
            Integer number = numbers.get(name.apply(device));
            if (number != null) {
                rows.add(row(hostId, time, seq, number, values.apply(device)));
            }
        }
        return rows;
    }

    private static long[] row(int hostId, long time, long seq, int device, long[] values) {
        long[] row = new long[4 + values.length];
        row[0] = hostId;
        row[1] = time;
        row[2] = seq;
        row[3] = device;
        System.arraycopy(values, 0, row, 4, values.length);
        return row;
    }

    private static void insert(Connection c, String sql, List<long[]> rows) throws SQLException {
        if (rows.isEmpty()) {
            return;
        }
        try (PreparedStatement insert = c.prepareStatement(sql)) {
            for (long[] row : rows) {
                for (int i = 0; i < row.length; i++) {
                    // compact unsigned columns saturate rather than fail the whole tick
                    insert.setLong(i + 1, Math.max(0, Math.min(UINT_MAX, row[i])));
                }
                insert.addBatch();
            }
            insert.executeBatch();
        }
    }
}
