package org.cloudweb.ejb.storage;

import jakarta.annotation.PostConstruct;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.UUID;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.cloudweb.ejb.data.DataDirectory;

/**
 * The bytes and the directories on disk. Uploads stream into a temporary file in {@code <data>/tmp} (the
 * same filesystem), are fsynced and then renamed into place, so a reader sees the old file or the new one,
 * never a torn one. Paths come only from checked {@link StoragePath}s, so nothing outside the data
 * directory is reachable.
 */
@ApplicationScoped
public class BlobStore {

    static final int BUFFER = 64 * 1024;
    private static final Logger LOG = Logger.getLogger(BlobStore.class.getName());

    // @EJB, not @Inject: through a CDI proxy every call (one per upload) costs an exception inside Payara's
    // EJB integration
    @EJB
    DataDirectory data;

    private Path temp;

    @PostConstruct
    void createTempDirectory() {
        temp = data.root().resolve("tmp");
        try {
            Files.createDirectories(temp);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot create " + temp, e);
        }
    }

    /** Where a path lives on disk. */
    public Path locate(StoragePath path) {
        Path located = data.account(path.account());
        for (String name : path.names()) {
            located = located.resolve(name);
        }
        return located;
    }

    /**
     * Streams {@code in} to a new temporary file with a fixed buffer, computing its MD5, and fsyncs it.
     *
     * @param maxBytes the most that may arrive; more stops the upload
     * @throws TooLargeException when more than {@code maxBytes} arrive (the file is removed)
     * @throws IOException       when the client goes away or the disk fails (the file is removed)
     */
    public Blob receive(InputStream in, long maxBytes) throws IOException {
        Path file = temp.resolve("upload-" + UUID.randomUUID());
        MessageDigest md5 = md5();
        long size = 0;
        boolean complete = false;
        try (FileChannel out = FileChannel.open(file, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
            byte[] buffer = new byte[BUFFER];
            for (int read = in.read(buffer); read >= 0; read = in.read(buffer)) {
                size += read;
                if (size > maxBytes) {
                    throw new TooLargeException(maxBytes);
                }
                md5.update(buffer, 0, read);
                ByteBuffer chunk = ByteBuffer.wrap(buffer, 0, read);
                while (chunk.hasRemaining()) {
                    out.write(chunk);
                }
            }
            out.force(true);
            complete = true;
        } finally {
            if (!complete) {
                discard(file);
            }
        }
        return new Blob(file, size, HexFormat.of().formatHex(md5.digest()));
    }

    /** Renames a received file into place, replacing what was there atomically, and syncs the directory. */
    public void install(Blob blob, Path target) throws IOException {
        if (!Files.isDirectory(target.getParent())) { // createDirectories throws (and catches) when it exists
            Files.createDirectories(target.getParent());
        }
        Files.move(blob.file(), target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        syncDirectory(target.getParent());
    }

    /** Removes a temporary file that will not be installed. */
    public void discard(Blob blob) {
        discard(blob.file());
    }

    /** Creates a directory and its missing parents. */
    public void createDirectories(Path directory) throws IOException {
        Files.createDirectories(directory);
    }

    /** Renames a file or directory tree: one rename whatever its size. */
    public void move(Path from, Path to) throws IOException {
        Files.createDirectories(to.getParent());
        Files.move(from, to, StandardCopyOption.ATOMIC_MOVE);
        syncDirectory(to.getParent());
        if (!from.getParent().equals(to.getParent())) {
            syncDirectory(from.getParent());
        }
    }

    /** Copies a file, sharing its bytes by a hard link where the filesystem allows it. */
    public void copyFile(Path from, Path to) throws IOException {
        Files.createDirectories(to.getParent());
        try {
            Files.createLink(to, from);
        } catch (UnsupportedOperationException | IOException noLink) {
            Files.copy(from, to, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    /** Removes a file, or a directory with everything below it. */
    public void delete(Path path) throws IOException {
        DataDirectory.deleteTree(path);
    }

    private static void syncDirectory(Path directory) {
        try (FileChannel channel = FileChannel.open(directory, StandardOpenOption.READ)) {
            channel.force(true);
        } catch (IOException e) {
            // some filesystems cannot sync a directory; the rename itself is still atomic
            LOG.log(Level.FINE, "Cannot sync directory {0}: {1}", new Object[] {directory, e.getMessage()});
        }
    }

    private static void discard(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            LOG.log(Level.WARNING, "Cannot remove the temporary file {0}: {1}", new Object[] {file, e.toString()});
        }
    }

    private static MessageDigest md5() {
        try {
            return MessageDigest.getInstance("MD5");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every Java runtime has MD5", e);
        }
    }

    /** A received, synced temporary file with its size and MD5 (hex). */
    public record Blob(Path file, long size, String md5) {
    }

    /** More bytes arrived than the upload may have. */
    public static final class TooLargeException extends IOException {

        private static final long serialVersionUID = 1L;

        public TooLargeException(long maxBytes) {
            super("More than " + maxBytes + " bytes");
        }
    }
}
