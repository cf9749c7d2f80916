package org.cloudweb.ejb.consistency;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

/**
 * One check or import at a time, across every node and the command line: a named database lock held by a
 * connection for the whole run. The database frees it when that connection ends, even if its process dies.
 */
public final class ConsistencyLock {

    private static final String NAME = "cloudweb.consistency";

    private ConsistencyLock() {
    }

    /** Takes the lock if it is free (without waiting). */
    public static boolean acquire(Connection connection) throws SQLException {
        return query(connection, "SELECT GET_LOCK(?, 0)");
    }

    public static void release(Connection connection) throws SQLException {
        query(connection, "SELECT RELEASE_LOCK(?)");
    }

    /** Whether nobody holds the lock right now. */
    public static boolean isFree(Connection connection) throws SQLException {
        return query(connection, "SELECT IS_FREE_LOCK(?)");
    }

    private static boolean query(Connection connection, String sql) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement(sql)) {
            select.setString(1, NAME);
            try (ResultSet row = select.executeQuery()) {
                return row.next() && row.getInt(1) == 1;
            }
        }
    }
}
