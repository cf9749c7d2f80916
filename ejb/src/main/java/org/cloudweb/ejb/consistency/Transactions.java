package org.cloudweb.ejb.consistency;

import java.io.IOException;
import java.sql.Connection;
import java.sql.SQLException;

/**
 * Runs a unit of a check in a transaction of its own and commits it: the container's in the server, a plain
 * connection's on the command line.
 */
@FunctionalInterface
public interface Transactions {

    <T> T run(Work<T> work) throws SQLException, IOException;

    /** Work on the index inside one transaction. */
    @FunctionalInterface
    interface Work<T> {
        T run(Connection connection) throws SQLException, IOException;
    }
}
