package org.cloudweb.it.monitor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.annotation.Resource;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import javax.sql.DataSource;
import org.cloudweb.it.support.Deployments;
import org.cloudweb.monitor.host.HostIdentity;
import org.cloudweb.monitor.host.HostRegistry;
import org.cloudweb.monitor.host.Inventory;
import org.cloudweb.monitor.retention.StatRetention;
import org.cloudweb.monitor.rollup.FiveMinuteRollup;
import org.cloudweb.monitor.rollup.FiveMinutes;
import org.cloudweb.monitor.rollup.HourlyRollup;
import org.cloudweb.monitor.rollup.Hours;
import org.cloudweb.monitor.rollup.RollupWriter;
import org.cloudweb.monitor.stats.StatKind;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Inside the server, on a host of its own: five-minute and hourly rollups of raw rows written for past minutes and
 * hours (values against the raw samples, a second run, catching up), and retention removing exactly the rows older
 * than its settings.
 */
@ExtendWith(ArquillianExtension.class)
class MonitorRollupIT {

    @Deployment
    static WebArchive deployment() {
        return Deployments.bundleWith(Deployments.class);
    }

    @Resource(lookup = "java:app/jdbc/cloudweb")
    DataSource dataSource;

    @Inject
    HostRegistry registry;

    @Inject
    HourlyRollup rollup;

    @Inject
    FiveMinuteRollup fiveMinuteRollup;

    @Inject
    RollupWriter writer;

    @Inject
    StatRetention retention;

    private HostIdentity.Key key;
    private int host;

    @BeforeEach
    void registerTestHost() {
        key = new HostIdentity.Key("generated", UUID.randomUUID().toString());
        host = registry.register(key, new Inventory.Facts("rollup-test", null, null, null, null, null, "test", 1L));
    }

    @AfterEach
    void removeTestHost() throws SQLException {
        try (Connection db = dataSource.getConnection()) {
            for (StatKind kind : StatKind.values()) {
                update(db, "DELETE FROM " + kind.table() + " WHERE host_id = ?", host);
                update(db, "DELETE FROM " + kind.fiveMinuteTable() + " WHERE host_id = ?", host);
                update(db, "DELETE FROM " + kind.hourlyTable() + " WHERE host_id = ?", host);
            }
            update(db, "DELETE FROM host WHERE id = ?", host);
            update(db, "DELETE FROM webconf WHERE conf_key LIKE 'monitor.retention.%'");
        }
    }

    @Test
    void settledFiveMinutesAreRolledUpOnceAsTheirRawSamplesGive() throws SQLException {
        long current = FiveMinutes.of(Instant.now().getEpochSecond()) - 3600; // clear of the timer's own runs
        long b3 = current - 900;
        long b2 = current - 600;
        long b1 = current - 300;
        try (Connection db = dataSource.getConnection()) {
            // busy 100, 201, 600 in b3 (sum 901); 50 in b2; one at the end of b1 and one in the current five minutes
            cpu(db, b3, 1, 100);
            cpu(db, b3 + 10, 2, 201);
            cpu(db, b3 + 299, 3, 600);
            cpu(db, b2 + 150, 4, 50);
            cpu(db, b1 + 299, 5, 999);
            cpu(db, current, 6, 7);
            net(db, b3 + 10, 2, 0, 4_000_000_000L);
            net(db, b3 + 10, 2, 1, 400);
            net(db, b3 + 20, 3, 0, 3_000_000_000L);
            net(db, b3 + 20, 3, 1, 600);
        }

        assertEquals(2, fiveMinuteRollup.catchUp(host, Instant.ofEpochSecond(current + 29)),
                "b3 and b2; b1 ended 29 s ago, and its last tick may still be writing");

        assertEquals(List.of(List.of(b3, 3L, 100L, 901L, 600L, 10L, 90L, 60L),
                List.of(b2, 1L, 50L, 50L, 50L, 5L, 5L, 5L)), cpuFiveMinutes());
        assertEquals(List.of(List.of(b3, 0L, 2L, 3_000_000_000L, 7_000_000_000L, 4_000_000_000L),
                List.of(b3, 1L, 2L, 400L, 1000L, 600L)), netFiveMinutes(), "sums beyond 32 bits");
        assertEquals(cpuFromRawSamples(b3, b1), cpuFiveMinutes(), "what the raw samples give");
        assertEquals(1, fiveMinuteRollup.catchUp(host, Instant.ofEpochSecond(current + 30)), "b1, settled now");
        assertEquals(cpuFromRawSamples(b3, current), cpuFiveMinutes());
        assertEquals(0, fiveMinuteRollup.catchUp(host, Instant.ofEpochSecond(current + 299)), "nothing left");

        try (Connection db = dataSource.getConnection()) {
            cpu(db, b2 + 160, 7, 350); // a sample that arrives late for rolled-up minutes
        }
        writer.rollUpFiveMinutes(host, b2);
        assertEquals(List.of(b2, 2L, 50L, 400L, 350L, 5L, 40L, 35L), cpuFiveMinutes().get(1),
                "rolling five minutes up again replaces their rows");
        assertEquals(cpuFromRawSamples(b3, current), cpuFiveMinutes());
    }

    @Test
    void aRunCatchesUpADayOfFiveMinutesAfterDowntimeOldestFirst() throws SQLException {
        long current = FiveMinutes.of(Instant.now().getEpochSecond()) - 3600;
        try (Connection db = dataSource.getConnection()) {
            cpu(db, current - 1000 * 300, 1, 10);
            cpu(db, current - 500 * 300, 2, 20);
            cpu(db, current - 2 * 300, 3, 30);
        }

        assertEquals(288, fiveMinuteRollup.catchUp(host, Instant.ofEpochSecond(current + 60)));
        assertEquals(List.of(current - 1000 * 300), column("SELECT minute FROM stat_cpu_5min WHERE host_id = ?"));
        assertEquals(288, fiveMinuteRollup.catchUp(host, Instant.ofEpochSecond(current + 60)),
                "the next run goes on from the next sample, skipping empty minutes");
        assertEquals(List.of(current - 1000 * 300, current - 500 * 300),
                column("SELECT minute FROM stat_cpu_5min WHERE host_id = ? ORDER BY minute"));
        fiveMinuteRollup.catchUp(host, Instant.ofEpochSecond(current + 60));
        assertEquals(3, cpuFiveMinutes().size());
    }

    @Test
    void completedHoursAreRolledUpOnceWithMinAvgMaxAndCount() throws SQLException {
        Instant now = Instant.now();
        long current = Hours.hourOf(now.getEpochSecond());
        long h3 = current - 3 * 3600;
        long h2 = current - 2 * 3600;
        try (Connection db = dataSource.getConnection()) {
            // busy 100, 200, 600 in h3 (avg 300); 50 in h2; one in the current hour, not complete yet
            cpu(db, h3 + 10, 1, 100);
            cpu(db, h3 + 20, 2, 200);
            cpu(db, h3 + 3599, 3, 600);
            cpu(db, h2, 4, 50);
            cpu(db, current + 1, 5, 999);
            net(db, h3 + 10, 1, 0, 1000);
            net(db, h3 + 10, 1, 1, 400);
            net(db, h3 + 20, 2, 0, 3001);
            net(db, h3 + 20, 2, 1, 600);
        }

        assertEquals(3, rollup.catchUp(host, now), "h3, h2 and the hour without samples before the current one");

        List<List<Long>> expectedCpu = List.of(List.of(h3, 3L, 100L, 300L, 600L, 10L, 30L, 60L),
                List.of(h2, 1L, 50L, 50L, 50L, 5L, 5L, 5L));
        List<List<Long>> expectedNet = List.of(List.of(h3, 0L, 2L, 1000L, 2001L, 3001L),
                List.of(h3, 1L, 2L, 400L, 500L, 600L));
        assertEquals(expectedCpu, cpuRollups());
        assertEquals(expectedNet, netRollups());

        assertEquals(0, rollup.catchUp(host, now), "nothing left to roll up");
        try (Connection db = dataSource.getConnection()) {
            // a sample that arrives late for a rolled-up hour
            cpu(db, h2 + 60, 6, 350);
        }
        writer.rollUp(host, h3);
        writer.rollUp(host, h2);
        assertEquals(List.of(expectedCpu.get(0), List.of(h2, 2L, 50L, 200L, 350L, 5L, 20L, 35L)), cpuRollups(),
                "rolling an hour up again replaces its rows");
        assertEquals(expectedNet, netRollups(), "the same rows after a second run");
    }

    @Test
    void aRunCatchesUpABoundedNumberOfHoursAfterDowntime() throws SQLException {
        Instant now = Instant.now();
        long current = Hours.hourOf(now.getEpochSecond());
        try (Connection db = dataSource.getConnection()) {
            cpu(db, current - 200 * 3600, 1, 10);
            cpu(db, current - 2 * 3600, 2, 20);
        }

        assertEquals(168, rollup.catchUp(host, now));
        assertEquals(1, cpuRollups().size());
        assertEquals(2, rollup.catchUp(host, now), "the next run goes on where this one stopped, skipping empty hours");
        assertEquals(2, cpuRollups().size());
    }

    @Test
    void theHoursOfAHostWhoseNodeIsGoneAreRolledUpByAnother() throws SQLException {
        Instant now = Instant.now();
        long current = Hours.hourOf(now.getEpochSecond());
        try (Connection db = dataSource.getConnection()) {
            cpu(db, current - 3 * 3600 + 5, 1, 40);
            update(db, "UPDATE host SET last_seen = ? WHERE id = ?",
                    Timestamp.from(Instant.ofEpochSecond(current - 3 * 3600 + 5)), host);
        }

        assertTrue(rollup.run(now) >= 1);
        assertEquals(List.of(List.of(current - 3 * 3600, 1L, 40L, 40L, 40L, 4L, 4L, 4L)), cpuRollups());

        try (Connection db = dataSource.getConnection()) {
            cpu(db, current - 3600 + 5, 2, 60);
            update(db, "UPDATE host SET last_seen = ? WHERE id = ?", Timestamp.from(now), host);
        }
        rollup.run(now);
        assertEquals(1, cpuRollups().size(), "a host that writes again is left to its own node");
    }

    @Test
    void retentionRemovesExactlyTheRowsOlderThanItsSettings() throws SQLException {
        Instant now = Instant.now();
        long rawCutoff = now.minus(Duration.ofDays(3)).getEpochSecond();
        long rollupCutoff = now.minus(Duration.ofDays(30)).getEpochSecond();
        try (Connection db = dataSource.getConnection()) {
            update(db, "INSERT INTO webconf (conf_key, conf_value, updated_at) VALUES ('monitor.retention.raw', 'P3D',"
                    + " UTC_TIMESTAMP(6)), ('monitor.retention.rollups', 'P30D', UTC_TIMESTAMP(6))");
            cpu(db, rawCutoff - 60, 1, 1);
            cpu(db, rawCutoff - 30, 2, 2);
            cpu(db, rawCutoff + 60, 3, 3);
            net(db, rawCutoff - 60, 1, 0, 1);
            net(db, rawCutoff + 60, 3, 0, 3);
            for (long minute : new long[] {rawCutoff - 600, rawCutoff - 1, rawCutoff + 300}) {
                fiveMinutesOfMem(db, minute);
            }
            for (long hour : new long[] {rollupCutoff - 7200, rollupCutoff - 60, rollupCutoff + 3600}) {
                update(db, "INSERT INTO stat_mem_hourly VALUES (?, ?, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1)",
                        host, hour);
            }
        }

        retention.prune(now);

        assertEquals(List.of(3L), column("SELECT seq FROM stat_cpu WHERE host_id = ? ORDER BY time"));
        assertEquals(List.of(3L), column("SELECT seq FROM stat_net WHERE host_id = ? ORDER BY time"));
        assertEquals(List.of(rawCutoff + 300), column("SELECT minute FROM stat_mem_5min WHERE host_id = ?"),
                "five-minute rollups go with the raw samples by default");
        assertEquals(List.of(rollupCutoff + 3600), column("SELECT hour FROM stat_mem_hourly WHERE host_id = ?"));
    }

    @Test
    void fiveMinuteRollupsCanBeKeptLongerThanRawSamples() throws SQLException {
        Instant now = Instant.now();
        long rawCutoff = now.minus(Duration.ofDays(3)).getEpochSecond();
        long fiveMinuteCutoff = now.minus(Duration.ofDays(10)).getEpochSecond();
        try (Connection db = dataSource.getConnection()) {
            update(db, "INSERT INTO webconf (conf_key, conf_value, updated_at) VALUES ('monitor.retention.raw', 'P3D',"
                    + " UTC_TIMESTAMP(6)), ('monitor.retention.5min', 'P10D', UTC_TIMESTAMP(6))");
            for (long minute : new long[] {fiveMinuteCutoff - 300, fiveMinuteCutoff + 1, rawCutoff - 300}) {
                fiveMinutesOfMem(db, minute);
            }
        }

        retention.prune(now);

        assertEquals(List.of(fiveMinuteCutoff + 1, rawCutoff - 300),
                column("SELECT minute FROM stat_mem_5min WHERE host_id = ? ORDER BY minute"));
    }

    private void cpu(Connection db, long time, long seq, long busy) throws SQLException {
        update(db, "INSERT INTO stat_cpu VALUES (?, ?, ?, ?, ?, 0, 0, 0)", host, time, seq, busy, busy / 10);
    }

    private void net(Connection db, long time, long seq, long nic, long rx) throws SQLException {
        update(db, "INSERT INTO stat_net VALUES (?, ?, ?, ?, ?, 0, 0, 0)", host, time, seq, nic, rx);
    }

    private void fiveMinutesOfMem(Connection db, long minute) throws SQLException {
        update(db, "INSERT INTO stat_mem_5min VALUES (?, ?, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1)", host, minute);
    }

    /** Per five minutes: start, samples, busy min/sum/max, user min/sum/max. */
    private List<List<Long>> cpuFiveMinutes() throws SQLException {
        return rows("SELECT minute, samples, busy_pm_min, busy_pm_sum, busy_pm_max, user_pm_min, user_pm_sum,"
                + " user_pm_max FROM stat_cpu_5min WHERE host_id = ? ORDER BY minute");
    }

    /** As {@link #cpuFiveMinutes()}, computed from the raw samples of [from, to). */
    private List<List<Long>> cpuFromRawSamples(long from, long to) throws SQLException {
        return rows("SELECT time - time % 300 AS minute, COUNT(*), MIN(busy_pm), SUM(busy_pm), MAX(busy_pm),"
                + " MIN(user_pm), SUM(user_pm), MAX(user_pm) FROM stat_cpu WHERE host_id = ? AND time >= " + from
                + " AND time < " + to + " GROUP BY minute ORDER BY minute");
    }

    /** Per five minutes and NIC: start, nic, samples, rx min/sum/max. */
    private List<List<Long>> netFiveMinutes() throws SQLException {
        return rows("SELECT minute, nic, samples, rx_bytes_ps_min, rx_bytes_ps_sum, rx_bytes_ps_max FROM"
                + " stat_net_5min WHERE host_id = ? ORDER BY minute, nic");
    }

    /** Per hour: hour, samples, busy min/avg/max, user min/avg/max. */
    private List<List<Long>> cpuRollups() throws SQLException {
        return rows("SELECT hour, samples, busy_pm_min, busy_pm_avg, busy_pm_max, user_pm_min, user_pm_avg,"
                + " user_pm_max FROM stat_cpu_hourly WHERE host_id = ? ORDER BY hour");
    }

    /** Per hour and NIC: hour, nic, samples, rx min/avg/max. */
    private List<List<Long>> netRollups() throws SQLException {
        return rows("SELECT hour, nic, samples, rx_bytes_ps_min, rx_bytes_ps_avg, rx_bytes_ps_max FROM"
                + " stat_net_hourly WHERE host_id = ? ORDER BY hour, nic");
    }

    private List<Long> column(String sql) throws SQLException {
        return rows(sql).stream().map(row -> row.get(0)).toList();
    }

    private List<List<Long>> rows(String sql) throws SQLException {
        List<List<Long>> rows = new ArrayList<>();
        try (Connection db = dataSource.getConnection(); PreparedStatement select = db.prepareStatement(sql)) {
            select.setInt(1, host);
            try (ResultSet r = select.executeQuery()) {
                int columns = r.getMetaData().getColumnCount();
                while (r.next()) {
                    List<Long> row = new ArrayList<>();
                    for (int i = 1; i <= columns; i++) {
                        row.add(r.getLong(i));
                    }
                    rows.add(row);
                }
            }
        }
        return rows;
    }

    private static void update(Connection db, String sql, Object... parameters) throws SQLException {
        try (PreparedStatement statement = db.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                statement.setObject(i + 1, parameters[i]);
            }
            statement.executeUpdate();
        }
    }
}
