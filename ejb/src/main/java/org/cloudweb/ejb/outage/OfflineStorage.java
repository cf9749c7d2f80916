package org.cloudweb.ejb.outage;

import jakarta.ejb.EJB;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.cloudweb.ejb.data.DataDirectory;
import org.cloudweb.ejb.error.ConflictException;
import org.cloudweb.ejb.error.NotFoundException;
import org.cloudweb.ejb.error.QuotaExceededException;
import org.cloudweb.ejb.security.RequestOrigin;
import org.cloudweb.ejb.storage.BlobStore;
import org.cloudweb.ejb.storage.Entry;
import org.cloudweb.ejb.storage.Listing;
import org.cloudweb.ejb.storage.Metadata;
import org.cloudweb.ejb.storage.StoragePath;
import org.cloudweb.ejb.storage.Upload;
import org.cloudweb.ejb.storage.WriteResult;
import org.cloudweb.persistence.common.State;
import org.cloudweb.persistence.storage.StorageObjectType;

/**
 * The file operations of {@link org.cloudweb.ejb.storage.StorageService} while the database is away, on the
 * filesystem alone (the callers have passed the resource firewall). Reads answer from the disk: no ETag,
 * metadata or disabled state, which only the index knows. Changes are made on disk as the online path makes
 * them, then journaled; each runs only while journal mode is on and answers null once the database is back,
 * so the caller takes the online path instead. Changes of one account take turns, as the account row makes
 * them take turns online.
 */
@ApplicationScoped
public class OfflineStorage {

    private static final Logger LOG = Logger.getLogger(OfflineStorage.class.getName());
    private static final Comparator<String> BYTE_ORDER =
            (a, b) -> Arrays.compareUnsigned(a.getBytes(StandardCharsets.UTF_8), b.getBytes(StandardCharsets.UTF_8));

    @Inject
    BlobStore blobs;

    @EJB
    DataDirectory data;

    @Inject
    IndexJournal journal;

    @Inject
    OfflineQuota quota;

    @EJB
    DatabaseOutage outage;

    @Inject
    RequestOrigin origin;

    private final ConcurrentHashMap<String, ReentrantLock> accountLocks = new ConcurrentHashMap<>();

    /** What {@code GET} answers, from the disk: a file's entry, or a page of a directory's children. */
    public Listing read(StoragePath path, String prefix, String marker, int limit) {
        Path location = blobs.locate(path);
        Entry entry = entry(path, location);
        if (entry.type() == StorageObjectType.FILE) {
            return new Listing(entry, null, null);
        }
        List<String> names = new ArrayList<>();
        try (DirectoryStream<Path> children = Files.newDirectoryStream(location)) {
            for (Path child : children) {
                String name = child.getFileName().toString();
                // names the index could not hold (not UTF-8, control characters) are not listed online either
                if (StoragePath.problem(name) == null && name.indexOf('\uFFFD') < 0
                        && (prefix == null || name.startsWith(prefix))
                        && (marker == null || BYTE_ORDER.compare(name, marker) > 0)) {
                    names.add(name);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        names.sort(BYTE_ORDER);
        List<Entry> entries = new ArrayList<>();
        for (String name : names) {
            if (entries.size() == limit) {
                return new Listing(entry, entries, entries.get(entries.size() - 1).name());
            }
            Entry child = childEntry(path.child(name), location.resolve(name));
            if (child != null) {
                entries.add(child);
            }
        }
        return new Listing(entry, entries, null);
    }

    /** The size of the regular file at a path, 0 if there is none. */
    private static long sizeOf(Path file) {
        try {
            BasicFileAttributes attributes = Files.readAttributes(file, BasicFileAttributes.class,
                    LinkOption.NOFOLLOW_LINKS);
            return attributes.isRegularFile() ? attributes.size() : 0;
        } catch (NoSuchFileException gone) {
            return 0;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** What is at a path, from the disk. */
    public Entry describe(StoragePath path) {
        return entry(path, blobs.locate(path));
    }

    /**
     * Installs a received file (unless a failed commit installed it already) and journals it.
     *
     * @param afterFailedCommit whether the database went away during the upload's commit, which may have gone
     *                          through all the same (replay then finds the file indexed)
     */
    public WriteResult install(StoragePath path, BlobStore.Blob blob, Upload upload, boolean afterFailedCommit) {
        if (upload.metadata() != null) {
            Metadata.check(upload.metadata());
        }
        return journaled(path.account(), path.account(), () -> {
            requireDirectoriesFree(path.parent());
            Path target = blobs.locate(path);
            if (Files.isDirectory(target, LinkOption.NOFOLLOW_LINKS)) {
                throw new ConflictException("A directory is in the way: " + path);
            }
            boolean created = !Files.exists(target, LinkOption.NOFOLLOW_LINKS);
            // after a failed commit the bytes may be in place already, and the upload is never refused then
            if (!afterFailedCommit && !quota.claim(path.account(), blob.size() - sizeOf(target))) {
                throw new QuotaExceededException("The upload does not fit in the quota, as far as this node knows "
                        + "while the database is away");
            }
            if (Files.exists(blob.file())) {
                try {
                    blobs.install(blob, target);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }
            append(JournalEntry.PUT, path, null, afterFailedCommit, created ? 201 : 204, blob.size(), blob.md5(),
                    upload.contentType(), upload.metadata());
            return new WriteResult(created, blob.md5(), blob.size());
        });
    }

    /** Makes a container or directory with its missing parents, and journals it if anything was made. */
    public WriteResult makeDirectories(StoragePath path) {
        return journaled(path.account(), path.account(), () -> {
            int missing = requireDirectoriesFree(path);
            if (missing > 0) {
                try {
                    blobs.createDirectories(blobs.locate(path));
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
                append(JournalEntry.MKDIR, path, null, false, 201, 0, null, null, null);
            }
            return new WriteResult(missing > 0, null, 0);
        });
    }

    /** Deletes a file or directory (a non-empty one only if {@code recursive}) and journals it. */
    public WriteResult delete(StoragePath path, boolean recursive) {
        return journaled(path.account(), path.account(), () -> {
            Path location = blobs.locate(path);
            BasicFileAttributes attributes = existing(location);
            if (!recursive && isNonEmptyDirectory(attributes, location)) {
                throw new ConflictException("not_empty", "Not empty: delete with recursive=true");
            }
            Path trash = toTrash(location);
            append(JournalEntry.DELETE, path, null, recursive, 204, 0, null, null, null);
            purge(trash);
            return new WriteResult(false, null, 0);
        });
    }

    /** Moves or renames a file or directory by one rename, replacing the target if {@code overwrite}; journals it. */
    public WriteResult move(StoragePath from, StoragePath to, boolean overwrite) {
        return journaled(from.account(), to.account(), () -> {
            Path source = blobs.locate(from);
            BasicFileAttributes moved = existing(source);
            Path target = blobs.locate(to);
            Path replaced = null;
            if (Files.exists(target, LinkOption.NOFOLLOW_LINKS)) {
                if (!overwrite) {
                    throw new ConflictException("Something already exists at " + to);
                }
                if (isNonEmptyDirectory(existing(target), target)) {
                    throw new ConflictException("not_empty", "A directory that is not empty is in the way");
                }
                replaced = toTrash(target);
            }
            requireDirectoriesFree(to.parent());
            try {
                blobs.move(source, target);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            append(JournalEntry.MOVE, from, to, overwrite, 200, 0, null, null, null);
            if (replaced != null) {
                purge(replaced);
            }
            return new WriteResult(replaced == null, null, moved.isRegularFile() ? moved.size() : 0);
        });
    }

    /** Journals a finished download for the audit trail; false if the database is back (record it online). */
    public boolean recordDownload(Entry file, int status, long bytes) {
        return outage.whileDown(() -> {
            append(JournalEntry.GET, StoragePath.parse(file.path()), null, false, status, bytes, null, null, null);
            return Boolean.TRUE;
        }) != null;
    }

    /** Runs a change in journal mode, holding the locks of the accounts involved (in name order). */
    private <T> T journaled(String account, String other, Supplier<T> change) {
        return outage.whileDown(() -> {
            if (!Files.isDirectory(data.account(account)) || !Files.isDirectory(data.account(other))) {
                throw new NotFoundException("No account " + (Files.isDirectory(data.account(account)) ? other : account));
            }
            ReentrantLock first = lockOf(account.compareTo(other) <= 0 ? account : other);
            ReentrantLock second = lockOf(account.compareTo(other) <= 0 ? other : account);
            first.lock();
            second.lock();
            try {
                return change.get();
            } finally {
                second.unlock();
                first.unlock();
            }
        });
    }

    private ReentrantLock lockOf(String account) {
        return accountLocks.computeIfAbsent(account, name -> new ReentrantLock());
    }

    /**
     * Checks that nothing but directories stands on the way down to {@code path}, and answers how many of its
     * levels are missing.
     *
     * @throws ConflictException if a file (or anything else) is in the way
     */
    private int requireDirectoriesFree(StoragePath path) {
        Path location = blobs.locate(new StoragePath(path.account(), List.of()));
        for (int depth = 0; depth < path.names().size(); depth++) {
            location = location.resolve(path.names().get(depth));
            if (!Files.exists(location, LinkOption.NOFOLLOW_LINKS)) {
                return path.names().size() - depth;
            }
            if (!Files.isDirectory(location, LinkOption.NOFOLLOW_LINKS)) {
                throw new ConflictException("A file is in the way: "
                        + new StoragePath(path.account(), path.names().subList(0, depth + 1)));
            }
        }
        return 0;
    }

    private Entry entry(StoragePath path, Path location) {
        Entry entry = childEntry(path, location);
        if (entry == null) {
            throw new NotFoundException("Nothing at " + path);
        }
        return entry;
    }

    /** The entry of a file or directory on disk; null for anything else (links, devices) or nothing. */
    private static Entry childEntry(StoragePath path, Path location) {
        BasicFileAttributes attributes;
        try {
            attributes = Files.readAttributes(location, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
        } catch (NoSuchFileException gone) {
            return null;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        StorageObjectType type;
        if (attributes.isRegularFile() && path.names().size() >= 2) {
            type = StorageObjectType.FILE;
        } else if (!attributes.isDirectory()) {
            return null;
        } else {
            type = path.isAccount() ? StorageObjectType.ACCOUNT
                    : path.isContainer() ? StorageObjectType.CONTAINER : StorageObjectType.DIR;
        }
        boolean file = type == StorageObjectType.FILE;
        return new Entry(0, path.toString(), path.name(), type, file ? attributes.size() : 0, null, null, State.ENABLED,
                attributes.lastModifiedTime().toInstant(), Map.of(), file ? location : null);
    }

    private static BasicFileAttributes existing(Path location) {
        try {
            return Files.readAttributes(location, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
        } catch (NoSuchFileException gone) {
            throw new NotFoundException("Nothing at this path");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static boolean isNonEmptyDirectory(BasicFileAttributes attributes, Path location) {
        if (!attributes.isDirectory()) {
            return false;
        }
        try (DirectoryStream<Path> children = Files.newDirectoryStream(location)) {
            return children.iterator().hasNext();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Moves a file or tree out of the way into {@code <data>/tmp}, by one rename. */
    private Path toTrash(Path location) {
        Path trash = data.root().resolve("tmp").resolve("trash-" + UUID.randomUUID());
        try {
            blobs.move(location, trash);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return trash;
    }

    private void purge(Path trash) {
        try {
            blobs.delete(trash);
        } catch (IOException e) {
            LOG.log(Level.WARNING, "Cannot remove {0}: {1}", new Object[] {trash, e.toString()});
        }
    }

    private void append(String action, StoragePath path, StoragePath target, boolean option, int status, long size,
                        String etag, String contentType, Map<String, String> metadata) {
        journal.append(new JournalEntry(0, action, path.toString(), target == null ? null : target.toString(), option,
                status, size, etag, contentType, metadata, Instant.now(), origin.userId(), origin.clientAddress()));
    }
}
