package org.cloudweb.monitor.stats;

import jakarta.annotation.Resource;
import jakarta.annotation.security.PermitAll;
import jakarta.ejb.Stateless;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import javax.sql.DataSource;
import org.cloudweb.monitor.MonitorException;

/** Reads what the series hold for the monitor; the tick's rows are written by {@link StatWriter}. */
@Stateless
@PermitAll
public class StatStore {

    @Resource(lookup = "java:app/jdbc/cloudweb")
    DataSource db;

    /** The last seq and time stored for a host (from {@code stat_cpu}, written at every tick), or null. */
    public long[] last(int hostId) {
        try (Connection c = db.getConnection();
             PreparedStatement select = c.prepareStatement(
                     "SELECT seq, time FROM stat_cpu WHERE host_id = ? ORDER BY time DESC, seq DESC LIMIT 1")) {
            select.setInt(1, hostId);
            try (ResultSet row = select.executeQuery()) {
                return row.next() ? new long[] {row.getLong(1), row.getLong(2)} : null;
            }
        } catch (SQLException e) {
            throw new MonitorException("Cannot read the last sample", e);
        }
    }
}
