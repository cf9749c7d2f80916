package org.cloudweb.it.monitor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Future;
import javax.sql.DataSource;
import org.cloudweb.it.support.Deployments;
import org.cloudweb.monitor.host.HostIdentity;
import org.cloudweb.monitor.host.HostLease;
import org.cloudweb.monitor.host.HostRegistry;
import org.cloudweb.monitor.host.Inventory;
import org.cloudweb.monitor.timer.HostMonitor;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Inside the server: the monitor registers this host and its timer writes a sample per interval with
 * consecutive sequence numbers; concurrent registrations of one identity give one row.
 */
@ExtendWith(ArquillianExtension.class)
class HostMonitorIT {

    @Deployment
    static WebArchive deployment() {
        return Deployments.bundleWith(Deployments.class);
    }

    @Resource(lookup = "java:app/jdbc/cloudweb")
    DataSource dataSource;

    @Resource
    ManagedExecutorService executor;

    @Inject
    HostMonitor monitor;

    @Inject
    HostRegistry registry;

    @Test
    void theTimerWritesOneSamplePerIntervalWithConsecutiveSequenceNumbers() throws Exception {
        int host = awaitRegisteredHost();
        setInterval("PT1S");
        try {
            long start = maxSeq(host);
            List<long[]> rows = List.of();
            // the next tick still comes on the old (10 s) schedule, then one per second
            long deadline = System.nanoTime() + 25_000_000_000L;
            while (rows.size() < 4 && System.nanoTime() < deadline) {
                Thread.sleep(250);
                rows = cpuRowsAfter(host, start);
            }
            assertTrue(rows.size() >= 4, "samples within 25 s: " + rows.size());
            for (int i = 1; i < rows.size(); i++) {
                assertEquals(rows.get(i - 1)[0] + 1, rows.get(i)[0], "seq goes up by one per tick");
                long seconds = rows.get(i)[1] - rows.get(i - 1)[1];
                assertTrue(seconds >= 0 && seconds <= 2, "one second apart: " + seconds);
            }
            long seq = rows.get(rows.size() - 1)[0];
            assertEquals(1, count("SELECT COUNT(*) FROM stat_mem WHERE host_id = ? AND seq = ? AND total_kib > 0",
                    host, seq), "memory is sampled at the same tick");
            assertTrue(count("SELECT COUNT(*) FROM stat_storage WHERE host_id = ? AND seq = ? AND total_mib > 0",
                    host, seq) >= 1, "at least one mounted file system");
            assertEquals(1, count("SELECT COUNT(*) FROM stat_proc_io WHERE host_id = ? AND seq = ? AND rss_kib > 0",
                    host, seq), "this process's own I/O and memory");
        } finally {
            setInterval(null);
        }
    }

    @Test
    void concurrentRegistrationsOfOneHostGiveOneRow() throws Exception {
        HostIdentity.Key key = new HostIdentity.Key("generated", UUID.randomUUID().toString());
        Inventory.Facts facts = new Inventory.Facts("concurrent-test", null, null, null, null, null, "test", 1L);
        int threads = 8;
        CountDownLatch ready = new CountDownLatch(threads);
        CountDownLatch go = new CountDownLatch(1);
        List<Future<Integer>> ids = new ArrayList<>();
        for (int i = 0; i < threads; i++) {
            ids.add(executor.submit(() -> {
                ready.countDown();
                go.await();
                return registry.register(key, facts);
            }));
        }
        try {
            ready.await();
            go.countDown();
            Set<Integer> distinct = new HashSet<>();
            for (Future<Integer> id : ids) {
                distinct.add(id.get());
            }

            assertEquals(1, distinct.size(), "every node got the same host: " + distinct);
            assertEquals(1, count("SELECT COUNT(*) FROM host WHERE identity_key = ? AND id = ?", key.text(),
                    distinct.iterator().next()));
        } finally {
            try (Connection db = dataSource.getConnection();
                 PreparedStatement delete = db.prepareStatement("DELETE FROM host WHERE identity_key = ?")) {
                delete.setString(1, key.text());
                delete.executeUpdate();
            }
        }
    }

    @Test
    void onlyOneNodeOfAMachineMonitorsItsHostAndAnotherTakesOverWhenItGoes() throws Exception {
        int monitored = awaitRegisteredHost();
        HostLease secondNode = new HostLease(dataSource, monitored);
        assertFalse(secondNode.hold(), "this server's monitor holds its host");

        int other = registry.register(new HostIdentity.Key("generated", UUID.randomUUID().toString()),
                new Inventory.Facts("lease-test", null, null, null, null, null, "test", 1L));
        try (HostLease first = new HostLease(dataSource, other); HostLease second = new HostLease(dataSource, other)) {
            assertTrue(first.hold());
            assertTrue(first.hold(), "the holder keeps it");
            assertFalse(second.hold(), "a second node stands by");
            first.close();
            assertTrue(second.hold(), "and takes over once the first gives it up");
            assertFalse(first.hold());
        } finally {
            try (Connection db = dataSource.getConnection();
                 PreparedStatement delete = db.prepareStatement("DELETE FROM host WHERE id = ?")) {
                delete.setInt(1, other);
                delete.executeUpdate();
            }
        }
    }

    private int awaitRegisteredHost() throws InterruptedException {
        long deadline = System.nanoTime() + 20_000_000_000L;
        while (monitor.hostId() == null && System.nanoTime() < deadline) {
            Thread.sleep(200);
        }
        assertNotNull(monitor.hostId(), "the first tick registers the host");
        return monitor.hostId();
    }

    private long maxSeq(int host) throws SQLException {
        return count("SELECT COALESCE(MAX(seq), 0) FROM stat_cpu WHERE host_id = ?", host);
    }

    private List<long[]> cpuRowsAfter(int host, long seq) throws SQLException {
        List<long[]> rows = new ArrayList<>();
        try (Connection db = dataSource.getConnection();
             PreparedStatement select = db.prepareStatement(
                     "SELECT seq, time FROM stat_cpu WHERE host_id = ? AND seq > ? ORDER BY seq")) {
            select.setInt(1, host);
            select.setLong(2, seq);
            try (ResultSet r = select.executeQuery()) {
                while (r.next()) {
                    rows.add(new long[] {r.getLong(1), r.getLong(2)});
                }
            }
        }
        return rows;
    }

    private long count(String sql, Object... parameters) throws SQLException {
        try (Connection db = dataSource.getConnection(); PreparedStatement select = db.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                select.setObject(i + 1, parameters[i]);
            }
            try (ResultSet r = select.executeQuery()) {
                r.next();
                return r.getLong(1);
            }
        }
    }

    private void setInterval(String value) throws SQLException {
        try (Connection db = dataSource.getConnection()) {
            try (PreparedStatement delete = db.prepareStatement("DELETE FROM webconf WHERE conf_key = 'monitor.interval'")) {
                delete.executeUpdate();
            }
            if (value != null) {
                try (PreparedStatement insert = db.prepareStatement("INSERT INTO webconf (conf_key, conf_value,"
                        + " updated_at) VALUES ('monitor.interval', ?, UTC_TIMESTAMP(6))")) {
                    insert.setString(1, value);
                    insert.executeUpdate();
                }
            }
        }
    }
}
