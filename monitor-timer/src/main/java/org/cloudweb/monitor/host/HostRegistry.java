package org.cloudweb.monitor.host;

import jakarta.annotation.Resource;
import jakarta.annotation.security.PermitAll;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalInt;
import java.util.logging.Level;
import java.util.logging.Logger;
import javax.sql.DataSource;
import org.cloudweb.monitor.MonitorException;

/**
 * The {@code host} rows. Registration meets concurrent starts of the same host on the unique identity key:
 * each statement commits on its own (no transaction), so two nodes never hold a shared lock they both want to
 * upgrade, which is how {@code INSERT … ON DUPLICATE KEY UPDATE} deadlocks in InnoDB.
 */
@Stateless
@PermitAll
public class HostRegistry {

    private static final Logger LOG = Logger.getLogger(HostRegistry.class.getName());

    @Resource(lookup = "java:app/jdbc/cloudweb")
    DataSource db;

    /** The id of the host with this identity, created if it is new; its facts and last_seen brought up to date. */
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    public int register(HostIdentity.Key key, Inventory.Facts facts) {
        Timestamp now = Timestamp.from(Instant.now());
        try (Connection c = db.getConnection()) {
            OptionalInt existing = find(c, key);
            if (existing.isEmpty()) {
                // only when absent: a duplicate attempt consumes an auto-increment value, and ids are SMALLINT
                try (PreparedStatement insert = c.prepareStatement("INSERT IGNORE INTO host (identity_key, name,"
                        + " registered_at, last_seen) VALUES (?, ?, ?, ?)")) {
                    insert.setString(1, key.text());
                    insert.setString(2, clip(facts.name(), 255));
                    insert.setTimestamp(3, now);
                    insert.setTimestamp(4, now);
                    if (insert.executeUpdate() == 1) {
                        LOG.log(Level.INFO, "Registered host {0} ({1})", new Object[] {facts.name(), key.text()});
                    }
                }
                existing = find(c, key);
            }
            int id = existing.orElseThrow(() -> new MonitorException("Host row missing after registration"));
            try (PreparedStatement update = c.prepareStatement("UPDATE host SET name = ?, uuid = ?, product = ?,"
                    + " manufacturer = ?, version = ?, serial = ?, os = ?, memory_bytes = ?, available = TRUE,"
                    + " last_seen = ? WHERE id = ?")) {
                update.setString(1, clip(facts.name(), 255));
                update.setString(2, clip(facts.uuid(), 64));
                update.setString(3, clip(facts.product(), 255));
                update.setString(4, clip(facts.manufacturer(), 255));
                update.setString(5, clip(facts.version(), 255));
                update.setString(6, clip(facts.serial(), 255));
                update.setString(7, clip(facts.os(), 255));
                update.setLong(8, facts.memoryBytes());
                update.setTimestamp(9, now);
                update.setInt(10, id);
                update.executeUpdate();
            }
            return id;
        } catch (SQLException e) {
            throw new MonitorException("Cannot register the host", e);
        }
    }

    /** Marks a host as gone (its node stopped cleanly). */
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    public void markUnavailable(int hostId) {
        try (Connection c = db.getConnection();
             PreparedStatement update = c.prepareStatement("UPDATE host SET available = FALSE WHERE id = ?")) {
            update.setInt(1, hostId);
            update.executeUpdate();
        } catch (SQLException e) {
            throw new MonitorException("Cannot mark the host unavailable", e);
        }
    }

    /** The hosts no node has written since {@code cutoff}. */
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    public List<Integer> silentSince(Instant cutoff) {
        try (Connection c = db.getConnection();
             PreparedStatement select = c.prepareStatement("SELECT id FROM host WHERE last_seen < ?")) {
            select.setTimestamp(1, Timestamp.from(cutoff));
            List<Integer> ids = new ArrayList<>();
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    ids.add(rows.getInt(1));
                }
            }
            return ids;
        } catch (SQLException e) {
            throw new MonitorException("Cannot list the silent hosts", e);
        }
    }

    private static OptionalInt find(Connection c, HostIdentity.Key key) throws SQLException {
        try (PreparedStatement select = c.prepareStatement("SELECT id FROM host WHERE identity_key = ?")) {
            select.setString(1, key.text());
            try (ResultSet row = select.executeQuery()) {
                return row.next() ? OptionalInt.of(row.getInt(1)) : OptionalInt.empty();
            }
        }
    }

    static String clip(String value, int length) {
        return value == null || value.length() <= length ? value : value.substring(0, length);
    }
}
