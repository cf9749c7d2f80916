package org.cloudweb.monitor.retention;

import jakarta.annotation.Resource;
import jakarta.annotation.security.PermitAll;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;
import org.cloudweb.monitor.MonitorException;

/** One batch of {@link StatRetention}'s work, in a transaction of its own. */
@Stateless
@PermitAll
public class StatPruner {

    static final int BATCH = 5_000;

    @Resource(lookup = "java:app/jdbc/cloudweb")
    DataSource db;

    /**
     * The hosts that have rows in a series table, including removed hosts (their series have no foreign key
     * and go with retention). A loose scan of the clustered key's first column: one probe per host.
     */
    @TransactionAttribute(TransactionAttributeType.SUPPORTS)
    public List<Integer> hosts(String table) {
        try (Connection c = db.getConnection();
             PreparedStatement select = c.prepareStatement("SELECT DISTINCT host_id FROM " + table);
             ResultSet rows = select.executeQuery()) {
            List<Integer> hosts = new ArrayList<>();
            while (rows.next()) {
                hosts.add(rows.getInt(1));
            }
            return hosts;
        } catch (SQLException e) {
            throw new MonitorException("Cannot list the hosts of " + table, e);
        }
    }

    /**
     * Deletes up to {@value #BATCH} of a host's oldest rows from before {@code cutoff} (UNIX seconds), walking
     * the clustered key from its start so only the deleted rows are locked; answers how many.
     */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public int deleteBatch(String table, String timeColumn, int hostId, long cutoff) {
        try (Connection c = db.getConnection();
             PreparedStatement delete = c.prepareStatement("DELETE FROM " + table + " WHERE host_id = ? AND "
                     + timeColumn + " < ? ORDER BY " + timeColumn + " LIMIT " + BATCH)) {
            delete.setInt(1, hostId);
            delete.setLong(2, Math.max(0, cutoff));
            return delete.executeUpdate();
        } catch (SQLException e) {
            throw new MonitorException("Cannot prune " + table, e);
        }
    }
}
