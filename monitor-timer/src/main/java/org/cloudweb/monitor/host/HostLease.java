package org.cloudweb.monitor.host;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.logging.Level;
import java.util.logging.Logger;
import javax.sql.DataSource;

/**
 * The right to monitor a host, for nodes that share one machine (and so find the same host row): only the
 * holder samples and writes, so each series has one writer and one {@code seq}. It is a database named lock
 * ({@code GET_LOCK}) held by a connection kept open for as long as the node monitors: the database frees it
 * the moment that connection ends, also when the node is killed, and a standing-by node takes over at its
 * next tick. Named locks are server-wide, so the name carries the database's.
 */
public final class HostLease implements AutoCloseable {

    private static final Logger LOG = Logger.getLogger(HostLease.class.getName());
    private static final int VALID_SECONDS = 2;

    private final DataSource db;
    private final int hostId;
    private Connection holder;

    public HostLease(DataSource db, int hostId) {
        this.db = db;
        this.hostId = hostId;
    }

    /**
     * Whether this node holds the lease now: keeps it while its connection lives, otherwise tries (without
     * waiting) to take it.
     */
    public boolean hold() {
        try {
            if (holder != null) {
                if (holder.isValid(VALID_SECONDS)) {
                    return true;
                }
                LOG.log(Level.WARNING, "Host {0}: the connection holding the monitor lease broke; taking it again",
                        hostId);
                closeQuietly();
            }
            Connection connection = db.getConnection();
            boolean taken = false;
            try (PreparedStatement lock = connection.prepareStatement("SELECT GET_LOCK(" + NAME + ", 0)")) {
                lock.setInt(1, hostId);
                try (ResultSet row = lock.executeQuery()) {
                    taken = row.next() && row.getInt(1) == 1;
                }
            } finally {
                if (taken) {
                    holder = connection;
                } else {
                    connection.close();
                }
            }
            return taken;
        } catch (SQLException e) {
            closeQuietly();
            throw new org.cloudweb.monitor.MonitorException("Cannot take the monitor lease", e);
        }
    }

    public boolean held() {
        return holder != null;
    }

    /**
     * The connection holding the lease, for the holder's own statements (the tick's rows): it is open anyway,
     * and taking another from the pool at every tick costs CPU. Outside any container transaction; use it on
     * the monitor's thread only, and leave it in auto-commit mode.
     *
     * @throws IllegalStateException when the lease is not held
     */
    public Connection connection() {
        if (holder == null) {
            throw new IllegalStateException("The monitor lease of host " + hostId + " is not held");
        }
        return holder;
    }

    public int hostId() {
        return hostId;
    }

    /** Gives the lease up; the pooled connection goes back without the lock. */
    @Override
    public void close() {
        if (holder == null) {
            return;
        }
        try (PreparedStatement release = holder.prepareStatement("SELECT RELEASE_LOCK(" + NAME + ")")) {
            release.setInt(1, hostId);
            release.executeQuery().close();
        } catch (SQLException e) {
            LOG.log(Level.FINE, "Could not release the monitor lease", e);
        }
        closeQuietly();
    }

    private void closeQuietly() {
        if (holder != null) {
            try {
                holder.close();
            } catch (SQLException e) {
                LOG.log(Level.FINE, "Could not close the monitor lease connection", e);
            }
            holder = null;
        }
    }

    // at most 64 characters: the database name is cut to leave room for the host id
    private static final String NAME = "CONCAT(LEFT(DATABASE(), 40), '.monitor.host.', ?)";
}
