package org.cloudweb.monitor.load;

import jakarta.annotation.Resource;
import jakarta.annotation.security.PermitAll;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import javax.sql.DataSource;
import org.cloudweb.monitor.MonitorException;

/** Writes the load columns of a host's {@code host_status} row: one statement, committed on its own. */
@Stateless
@PermitAll
public class LoadStore {

    @Resource(lookup = "java:app/jdbc/cloudweb")
    DataSource db;

    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    public void write(int hostId, Instant at, int cpuPerMille, int memoryPerMille, int inFlightCenti, int cpuThreads) {
        try (Connection c = db.getConnection();
             PreparedStatement upsert = c.prepareStatement("INSERT INTO host_status (host_id, load_at, cpu_pm, mem_pm,"
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
        } catch (SQLException e) {
            throw new MonitorException("Cannot store the load of host " + hostId, e);
        }
    }
}
