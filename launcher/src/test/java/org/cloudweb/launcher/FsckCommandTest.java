package org.cloudweb.launcher;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.cloudweb.launcher.db.EmbeddedDatabase;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code fsck} from the command line against a stopped server: a real embedded MariaDB on the data directory,
 * with the schema the server's migrations make, and real files.
 */
class FsckCommandTest {

    @TempDir
    Path home;

    @Test
    void aCheckFindsWhatARepairFixesAndTheNextCheckFindsNothing() throws Exception {
        Path data = home.resolve("data");
        Path c = Files.createDirectories(data.resolve("alice").resolve("c"));
        Files.writeString(c.resolve("a.txt"), "hello");
        Files.writeString(c.resolve("b.txt"), "unindexed");
        try (EmbeddedDatabase database = EmbeddedDatabase.start(data.resolve("db"), 0);
             Connection db = connect(database); Statement sql = db.createStatement()) {
            Flyway.configure().dataSource(database.jdbcUrl(), database.user(), database.password())
                    .locations("classpath:db/migration").load().migrate();
            assertTrue(EmbeddedDatabase.running(data.resolve("db")).isPresent());
            sql.execute("INSERT INTO user (id, name, email, password_hash, created_at)"
                    + " VALUES (1, 'alice', 'alice@example.test', 'x', UTC_TIMESTAMP())");
            sql.execute("INSERT INTO quota (user_id, used_objects, used_bytes) VALUES (1, 3, 9)");
            sql.execute("INSERT INTO stobj (id, parent_id, owner_id, name, type, created_at, modified_at)"
                    + " VALUES (1, NULL, 1, 'alice', 'account', UTC_TIMESTAMP(), UTC_TIMESTAMP()),"
                    + " (2, 1, 1, 'c', 'container', UTC_TIMESTAMP(), UTC_TIMESTAMP())");
            sql.execute("INSERT INTO stobj (parent_id, owner_id, name, type, size, etag, created_at, modified_at)"
                    + " VALUES (2, 1, 'a.txt', 'file', 5, '" + md5("hello") + "', UTC_TIMESTAMP(6) + INTERVAL 1 MINUTE,"
                    + " UTC_TIMESTAMP(6) + INTERVAL 1 MINUTE), (2, 1, 'gone.txt', 'file', 4, '"
                    + md5("gone") + "', UTC_TIMESTAMP(), UTC_TIMESTAMP())");
        }
        assertTrue(EmbeddedDatabase.running(data.resolve("db")).isEmpty(), "the server is stopped");

        Output check = fsck(data);
        assertEquals(FsckCommand.LEFT, check.status(), check.text());
        assertTrue(check.text().contains("unindexed") && check.text().contains("/alice/c/b.txt"), check.text());
        assertTrue(check.text().contains("missing") && check.text().contains("/alice/c/gone.txt"), check.text());

        Output repair = fsck(data, "--repair");
        assertEquals(FsckCommand.REPAIRED, repair.status(), repair.text());

        Output again = fsck(data, "--account", "alice");
        assertEquals(FsckCommand.CLEAN, again.status(), again.text());
        assertEquals("unindexed", Files.readString(c.resolve("b.txt")), "files are only read");

        try (EmbeddedDatabase database = EmbeddedDatabase.start(data.resolve("db"), 0);
             Connection db = connect(database)) {
            assertEquals(List.of("a.txt|5|" + md5("hello"), "b.txt|9|" + md5("unindexed")),
                    rows(db, "SELECT name, size, etag FROM stobj WHERE parent_id = 2 ORDER BY name"));
            assertEquals(List.of("3|14"), rows(db, "SELECT used_objects, used_bytes FROM quota WHERE user_id = 1"));
            assertEquals(List.of("admin.fsck|/", "admin.fsck|/", "admin.fsck|/alice"),
                    rows(db, "SELECT action, path FROM record ORDER BY id"));
        }
    }

    @Test
    void wrongArgumentsStartNothing() throws Exception {
        Path data = Files.createDirectories(home.resolve("data"));

        assertEquals(FsckCommand.USAGE, fsck(data, "--bogus").status());
        assertEquals(FsckCommand.USAGE, fsck(data, "--account", "../etc").status());
        assertEquals(FsckCommand.USAGE, fsck(data, "--account", "db").status());
        assertEquals(FsckCommand.FAILED, fsck(home.resolve("nowhere")).status());
        assertFalse(Files.exists(data.resolve("db")), "no database was started");
    }

    private record Output(int status, String text) {
    }

    private static Output fsck(Path data, String... arguments) {
        LauncherConfig config = LauncherConfig.resolve(new Properties(), Map.of("CLOUDWEB_DATA_DIR", data.toString()));
        ByteArrayOutputStream text = new ByteArrayOutputStream();
        int status = new FsckCommand(config, new PrintStream(text, true, StandardCharsets.UTF_8)).run(List.of(arguments));
        return new Output(status, text.toString(StandardCharsets.UTF_8));
    }

    private static Connection connect(EmbeddedDatabase database) throws Exception {
        return DriverManager.getConnection(database.jdbcUrl(), database.user(), database.password());
    }

    private static List<String> rows(Connection db, String sql) throws Exception {
        try (PreparedStatement select = db.prepareStatement(sql); ResultSet rows = select.executeQuery()) {
            List<String> result = new ArrayList<>();
            while (rows.next()) {
                StringBuilder row = new StringBuilder();
                for (int i = 1; i <= rows.getMetaData().getColumnCount(); i++) {
                    row.append(i == 1 ? "" : "|").append(rows.getString(i));
                }
                result.add(row.toString());
            }
            return result;
        }
    }

    private static String md5(String text) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("MD5").digest(text.getBytes(StandardCharsets.UTF_8)));
    }
}
