package org.cloudweb.it.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Comparator;
import java.util.stream.Stream;
import org.cloudweb.launcher.db.EmbeddedDatabase;
import org.junit.platform.launcher.LauncherSession;
import org.junit.platform.launcher.LauncherSessionListener;

/**
 * Starts a fresh embedded MariaDB (the one the one-command run uses) before the first test and stops it after
 * the last, and publishes where it is as system properties, which {@code arquillian.xml} hands to Payara Micro:
 * {@value #URL}, {@value #USER}, {@value #PASSWORD}, and the application's data directory {@value #DATA_DIR}.
 * Registered through {@code META-INF/services}, so it runs once per test JVM.
 */
public final class TestDatabase implements LauncherSessionListener {

    public static final String URL = "cloudweb.test.db.url";
    public static final String USER = "cloudweb.test.db.user";
    public static final String PASSWORD = "cloudweb.test.db.password";
    public static final String DATA_DIR = "cloudweb.test.data.dir";

    private EmbeddedDatabase database;

    /** A connection to the test database, for tests that check rows behind the API's back. */
    public static Connection connect() throws SQLException {
        return DriverManager.getConnection(System.getProperty(URL), System.getProperty(USER),
                System.getProperty(PASSWORD));
    }

    @Override
    public void launcherSessionOpened(LauncherSession session) {
        Path work = Path.of(System.getProperty("cloudweb.test.work", "target/it")).toAbsolutePath();
        try {
            deleteRecursively(work);
            Path data = Files.createDirectories(work.resolve("data"));
            database = EmbeddedDatabase.start(work.resolve("db"), 0);
            System.setProperty(URL, database.jdbcUrl());
            System.setProperty(USER, database.user());
            System.setProperty(PASSWORD, database.password());
            System.setProperty(DATA_DIR, data.toString());
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot start the test database", e);
        }
    }

    @Override
    public void launcherSessionClosed(LauncherSession session) {
        if (database != null) {
            database.close();
        }
    }

    private static void deleteRecursively(Path root) throws IOException {
        if (!Files.exists(root)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(root)) {
            for (Path path : (Iterable<Path>) paths.sorted(Comparator.reverseOrder())::iterator) {
                Files.delete(path);
            }
        }
    }
}
