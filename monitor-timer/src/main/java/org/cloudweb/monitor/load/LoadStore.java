package org.cloudweb.monitor.load;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;

/**
 * Writes the load columns of a host's {@code host_status} row: one statement, on the connection and in the
 * transaction of the tick's rows (see {@code StatWriter}), where a call of its own (an EJB and a pooled connection)
 * cost the tick about as much CPU as the tick's other rows.
 */
public final class LoadStore {

    private LoadStore() {
    }

    public static void write(Connection c, int hostId, Instant at, int cpuPerMille, int memoryPerMille,
                             int inFlightCenti, int cpuThreads) throws SQLException {
        try (PreparedStatement upsert = c.prepareStatement("INSERT INTO host_status (host_id, load_at, cpu_pm, mem_pm,"
                + " in_flight_centi, cpu_threads) VALUES (?, ?, ?, ?, ?, ?) ON DUPLICATE KEY UPDATE"
                + " load_at = VALUES(load_at), cpu_pm = VALUES(cpu_pm), mem_pm = VALUES(mem_pm),"
                + " in_flight_centi = VALUES(in_flight_centi), cpu_threads = VALUES(cpu_threads)")) {
            upsert.setInt(1, hostId);
            upsert.setTimestamp(2, Timestamp.from(at));
            upsert.setInt(3, Math.max(0, Math.min(1000, cpuPerMille)));
            upsert.setInt(4, Math.max(0, Math.min(1000, memoryPerMille)));
            upsert.setInt(5, Math.max(0, inFlightCenti));
            upsert.setInt(6, Math.max(1, Math.min(65_535, cpuThreads)));
            upsert.executeUpdate();
        }
    }
}
