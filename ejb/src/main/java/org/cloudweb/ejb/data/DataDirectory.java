package org.cloudweb.ejb.data;

import jakarta.annotation.PostConstruct;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The root of the stored files ({@code cloudweb.data.dir}), created at start-up. Accounts live directly below
 * it: {@code <data>/<account>/<container>/...}.
 */
@Singleton
@Startup
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
