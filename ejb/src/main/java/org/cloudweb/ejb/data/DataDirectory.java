package org.cloudweb.ejb.data;

import jakarta.annotation.PostConstruct;
import jakarta.ejb.Lock;
import jakarta.ejb.LockType;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The root of the stored files ({@code cloudweb.data.dir}), created at start-up. Accounts live directly below
 * it: {@code <data>/<account>/<container>/...}.
 */
@Singleton
@Startup
@Lock(LockType.READ)
public class DataDirectory {

    private static final Logger LOG = Logger.getLogger(DataDirectory.class.getName());

    @Inject
    @ConfigProperty(name = "cloudweb.data.dir")
    String configuredPath;

    private Path root;

    @PostConstruct
    void create() {
        root = Path.of(configuredPath).toAbsolutePath().normalize();
        try {
            Files.createDirectories(root);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot create the data directory " + root, e);
        }
        LOG.log(Level.INFO, "Data directory: {0}", root);
    }

    public Path root() {
        return root;
    }

    /** The directory of an account; the name must already have passed the account-name rules. */
    public Path account(String name) {
        Path account = root.resolve(name).normalize();
        if (!root.equals(account.getParent())) {
            throw new IllegalArgumentException("Not an account name: " + name);
        }
        return account;
    }

    /** Removes a directory and everything below it; symbolic links are removed, never followed. */
    public static void deleteTree(Path top) throws IOException {
        if (!Files.exists(top, LinkOption.NOFOLLOW_LINKS)) {
            return;
        }
        Files.walkFileTree(top, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attributes) throws IOException {
                Files.delete(file);
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult postVisitDirectory(Path directory, IOException failure) throws IOException {
                if (failure != null) {
                    throw failure;
                }
                Files.delete(directory);
                return FileVisitResult.CONTINUE;
            }
        });
    }

    /** True when a file can be created, written and removed in the data directory right now. */
    public boolean isWritable() {
        return isWritable(root);
    }

    static boolean isWritable(Path directory) {
        Path probe = null;
        try {
            probe = Files.createTempFile(directory, ".probe-", ".tmp");
            Files.write(probe, new byte[] {1});
            return true;
        } catch (IOException | SecurityException e) {
            LOG.log(Level.FINE, "Data directory not writable", e);
            return false;
        } finally {
            deleteQuietly(probe);
        }
    }

    private static void deleteQuietly(Path probe) {
        if (probe == null) {
            return;
        }
        try {
            Files.deleteIfExists(probe);
        } catch (IOException e) {
            LOG.log(Level.WARNING, "Cannot remove the probe file {0}: {1}", new Object[] {probe, e.getMessage()});
        }
    }
}
