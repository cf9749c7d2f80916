package org.cloudweb.monitor.status;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Whether the data directory can take files right now: it exists, is a directory, and a probe file can be
 * created, written and removed in it; plus the space left for CloudWeb. The probe is named like the readiness
 * check's ({@code .probe-*.tmp} directly in the data directory): account names never start with a dot, so the
 * storage tree never sees it, and {@code tmp/} stays for uploads alone. Details never name a path.
 */
final class DataDirProbe {

    private static final Logger LOG = Logger.getLogger(DataDirProbe.class.getName());

    private DataDirProbe() {
    }

    static DataDirState check(Path root) {
        if (!Files.exists(root)) {
            return new DataDirState(false, null, "missing");
        }
        if (!Files.isDirectory(root)) {
            return new DataDirState(false, null, "not a directory");
        }
        Long free = null;
        try {
            free = Files.getFileStore(root).getUsableSpace();
        } catch (IOException e) {
            LOG.log(Level.FINE, "Cannot read the free space of the data directory", e);
        }
        Path probe = null;
        try {
            probe = Files.createTempFile(root, ".probe-", ".tmp");
            Files.write(probe, new byte[] {1});
        } catch (IOException | SecurityException e) {
            LOG.log(Level.FINE, "Data directory not writable", e);
            return new DataDirState(false, free, "not writable: " + reason(e));
        } finally {
            delete(probe);
        }
        if (free != null && free == 0) {
            return new DataDirState(false, free, "no space left");
        }
        return new DataDirState(true, free, "writable");
    }

    /** The cause in words, without the path that exception messages carry. */
    static String reason(Exception e) {
        if (e instanceof AccessDeniedException || e instanceof SecurityException) {
            return "permission denied";
        }
        if (e instanceof FileSystemException fs && fs.getReason() != null) {
            return fs.getReason();
        }
        return e.getClass().getSimpleName();
    }

    private static void delete(Path probe) {
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
