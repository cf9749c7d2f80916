package org.cloudweb.launcher;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.cloudweb.launcher.db.EmbeddedDatabase;

/**
 * {@code java -jar launcher/target/cloudweb.jar}: runs CloudWeb in the foreground. It starts the embedded
 * MariaDB (unless {@code cloudweb.db.url} names an external database), then Payara Micro with
 * {@code cloudweb.war} at context root {@code /}, and on Ctrl-C stops Payara Micro first and the database last.
 * {@code payara-micro.jar} and {@code cloudweb.war} are expected next to the launcher jar, where the build puts them.
 * {@code java -jar cloudweb.jar fsck ...} runs the consistency check instead (see {@link FsckCommand}).
 */
public final class Launcher {

    static final int EXIT_CONFIGURATION = 2;

    static {
        // Before the first logger exists: logging has to outlive the JDK's shutdown hook (see LauncherLogManager).
        System.setProperty("java.util.logging.manager", LauncherLogManager.class.getName());
        if (System.getProperty("java.util.logging.SimpleFormatter.format") == null) {
            System.setProperty("java.util.logging.SimpleFormatter.format", "[%1$tF %1$tT] [%4$s] [%3$s] %5$s%6$s%n");
        }
    }

    private static final Logger LOG = Logger.getLogger(Launcher.class.getName());
    private static final long STOP_GRACE_SECONDS = 60;

    private final LauncherConfig config;
    private final Path home;
    private EmbeddedDatabase database;
    private Process micro;

    Launcher(LauncherConfig config, Path home) {
        this.config = config;
        this.home = home;
    }

    public static void main(String[] args) {
        boolean fsck = args.length > 0 && args[0].equals("fsck");
        int status;
        try {
            LauncherConfig config = LauncherConfig.resolve(System.getProperties(), System.getenv());
            status = fsck ? new FsckCommand(config, System.out).run(List.of(args).subList(1, args.length))
                    : new Launcher(config, installationDirectory()).run();
        } catch (IllegalArgumentException e) {
            LOG.severe(e.getMessage());
            status = fsck ? FsckCommand.USAGE : EXIT_CONFIGURATION;
        }
        System.exit(status);
    }

    /** Runs until Payara Micro exits (or the JVM is asked to stop) and answers the exit status. */
    int run() {
        if (!portIsFree(config.httpPort())) {
            LOG.log(Level.SEVERE, "HTTP port {0,number,#} is already in use: stop what uses it, or choose another "
                    + "port with CLOUDWEB_HTTP_PORT / -D{1}", new Object[] {config.httpPort(), LauncherConfig.HTTP_PORT});
            return EXIT_CONFIGURATION;
        }
        Path war = home.resolve("cloudweb.war");
        Path microJar = home.resolve("payara-micro.jar");
        if (!Files.isRegularFile(war) || !Files.isRegularFile(microJar)) {
            LOG.log(Level.SEVERE, "{0} and {1} are missing: build first with ./mvnw -DskipTests package",
                    new Object[] {war, microJar});
            return EXIT_CONFIGURATION;
        }
        Runtime.getRuntime().addShutdownHook(new Thread(this::stop, "cloudweb-stop"));
        try {
            Files.createDirectories(config.dataDir());
            Map<String, String> databaseSettings = startDatabase();
            micro = microCommand(microJar, war, databaseSettings).start();
            return micro.waitFor();
        } catch (IOException e) {
            LOG.log(Level.SEVERE, "CloudWeb could not start: {0}", e.getMessage());
            return 1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return 1;
        } finally {
            stop();
        }
    }

    /** The database settings for the application, as environment variables (not visible in {@code ps}). */
    private Map<String, String> startDatabase() throws IOException {
        if (!config.usesEmbeddedDatabase()) {
            LOG.log(Level.INFO, "Using the external database {0}", config.dbUrl());
            return Map.of(env(LauncherConfig.DB_URL), config.dbUrl(),
                    env(LauncherConfig.DB_USER), config.dbUser(),
                    env(LauncherConfig.DB_PASSWORD), config.dbPassword());
        }
        database = EmbeddedDatabase.start(config.dataDir().resolve("db"), config.dbPort());
        return Map.of(env(LauncherConfig.DB_URL), database.jdbcUrl(),
                env(LauncherConfig.DB_USER), database.user(),
                env(LauncherConfig.DB_PASSWORD), database.password());
    }

    ProcessBuilder microCommand(Path microJar, Path war, Map<String, String> databaseSettings) {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(config.javaOptions());
        // Pass on -Dcloudweb.* settings given to the launcher; the application reads them through MicroProfile Config.
        System.getProperties().stringPropertyNames().stream()
                .filter(name -> name.startsWith("cloudweb.") && !name.startsWith("cloudweb.db."))
                .sorted()
                .forEach(name -> command.add("-D" + name + "=" + System.getProperty(name)));
        command.addAll(List.of("-jar", microJar.toString(),
                "--deploy", war.toString(),
                "--contextroot", "/",
                "--port", Integer.toString(config.httpPort()),
                "--nocluster"));
        ProcessBuilder builder = new ProcessBuilder(command).inheritIO();
        builder.environment().putAll(databaseSettings);
        builder.environment().put(env(LauncherConfig.DATA_DIR), config.dataDir().toString());
        return builder;
    }

    /** Stops Payara Micro (gracefully, then by force) and then the database; safe to call more than once. */
    private synchronized void stop() {
        if (micro != null && micro.isAlive()) {
            LOG.info("Stopping Payara Micro");
            micro.destroy();
            try {
                if (!micro.waitFor(STOP_GRACE_SECONDS, TimeUnit.SECONDS)) {
                    micro.destroyForcibly().waitFor();
                }
            } catch (InterruptedException e) {
                micro.destroyForcibly();
                Thread.currentThread().interrupt();
            }
        }
        if (database != null) {
            LOG.info("Stopping the embedded MariaDB");
            database.close();
            database = null;
        }
    }

    static boolean portIsFree(int port) {
        try (ServerSocket socket = new ServerSocket(port)) {
            return socket.getLocalPort() == port;
        } catch (IOException e) {
            return false;
        }
    }

    private static String env(String key) {
        return LauncherConfig.environmentName(key);
    }

    private static Path installationDirectory() {
        try {
            return Path.of(Launcher.class.getProtectionDomain().getCodeSource().getLocation().toURI()).getParent();
        } catch (URISyntaxException e) {
            throw new IllegalStateException("Cannot locate the launcher jar", e);
        }
    }
}
