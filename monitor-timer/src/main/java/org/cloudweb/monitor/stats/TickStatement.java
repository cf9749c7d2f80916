package org.cloudweb.monitor.stats;

import java.sql.Connection;
import java.sql.SQLException;

/** A statement of another feature that a tick writes with its rows, in their transaction (see {@link StatWriter}). */
@FunctionalInterface
public interface TickStatement {

    void run(Connection c) throws SQLException;
}
