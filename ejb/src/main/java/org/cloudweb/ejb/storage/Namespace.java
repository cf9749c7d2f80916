package org.cloudweb.ejb.storage;

import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.List;
import java.util.UUID;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.cloudweb.ejb.data.DataDirectory;
import org.cloudweb.ejb.data.TransactionHooks;
import org.cloudweb.ejb.error.BadRequestException;
import org.cloudweb.ejb.error.ConflictException;
import org.cloudweb.ejb.error.NotFoundException;
import org.cloudweb.ejb.quota.QuotaLedger;
import org.cloudweb.persistence.storage.StorageObject;
import org.cloudweb.persistence.storage.StorageObjectType;
import org.cloudweb.persistence.user.User;

/**
 * Changes to the tree that touch the disk and the index together, inside the caller's transaction (which
 * holds the account lock): making directories, removing subtrees, and keeping quota usage exact.
 */
@Dependent
public class Namespace {

    private static final Logger LOG = Logger.getLogger(Namespace.class.getName());

    @PersistenceContext
    EntityManager em;

    @Inject
    TreeIndex tree;

    @Inject
    BlobStore blobs;

    @Inject
    DataDirectory data;

    @Inject
    TransactionHooks hooks;

    @Inject
    QuotaLedger quota;

    /**
     * The directory at {@code path}, made with its missing parents (rows and disk) if needed.
     *
     * @return the directory's row, and how many rows were made
     * @throws ConflictException if a file is in the way
     */
    public Directory ensureDirectories(StoragePath path) {
        return ensureDirectories(path, tree.walk(path));
    }

    /**
     * As {@link #ensureDirectories(StoragePath)}, given the rows along {@code path} as far as they exist (what
     * {@link TreeIndex#walk} answers for it).
     */
    public Directory ensureDirectories(StoragePath path, List<StorageObject> walked) {
        Directory directory = indexDirectories(path, walked, true);
        if (directory.made() > 0) {
            try {
                blobs.createDirectories(blobs.locate(path));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return directory;
    }

    /**
     * The rows of the directory at {@code path} and its missing parents, without touching the disk. With
     * {@code enforceQuota} false the new rows are counted even past the owner's limit: a replay of what
     * already happened on disk.
     */
    public Directory indexDirectories(StoragePath path, List<StorageObject> walked, boolean enforceQuota) {
        if (walked.isEmpty()) {
            throw new NotFoundException("No account " + path.account());
        }
        StorageObject parent = walked.get(walked.size() - 1);
        for (int i = 0; i < walked.size(); i++) {
            if (walked.get(i).getType() == StorageObjectType.FILE) {
                throw new ConflictException("A file is in the way: " + prefix(path, i));
            }
        }
        int made = path.names().size() - (walked.size() - 1);
        if (made > 0 && enforceQuota) {
            quota.claim(parent.getOwnerId(), 0, made);
        } else if (made > 0) {
            quota.adjust(parent.getOwnerId(), 0, made);
        }
        for (int depth = walked.size() - 1; depth < path.names().size(); depth++) {
            StorageObjectType type = depth == 0 ? StorageObjectType.CONTAINER : StorageObjectType.DIR;
            StorageObject directory = new StorageObject(parent, owner(parent), path.names().get(depth), type);
            em.persist(directory);
            parent = directory;
        }
        if (made > 0) {
            em.flush();
        }
        return new Directory(parent, made);
    }

    /**
     * Removes a node with everything below it: rows now, and on disk by one rename into {@code tmp} that is
     * undone if the transaction rolls back and completed by deleting once it commits.
     */
    public TreeIndex.Usage remove(StorageObject node, StoragePath path) {
        TreeIndex.Usage usage = unindex(node);
        Path location = blobs.locate(path);
        if (Files.exists(location, LinkOption.NOFOLLOW_LINKS)) {
            Path trash = data.root().resolve("tmp").resolve("trash-" + UUID.randomUUID());
            try {
                blobs.move(location, trash);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            hooks.onRollback(() -> restore(trash, location));
            hooks.afterCommit(() -> purge(trash));
        }
        return usage;
    }

    /** Removes a node's subtree from the index only, and its usage from its owner's quota. */
    public TreeIndex.Usage unindex(StorageObject node) {
        TreeIndex.Usage usage = tree.usage(node);
        tree.deleteSubtree(node.getId());
        quota.release(node.getOwner().getId(), usage.bytes(), usage.objects());
        return usage;
    }

    /** The owner of a node, as a reference: a new child needs its id, not its row. */
    public User owner(StorageObject node) {
        return em.getReference(User.class, node.getOwnerId());
    }

    public static void requireContainerOrBelow(StoragePath path) {
        if (path.isAccount()) {
            throw new BadRequestException("An account is made by creating its user");
        }
    }

    private static String prefix(StoragePath path, int depth) {
        return new StoragePath(path.account(), path.names().subList(0, depth)).toString();
    }

    private void restore(Path trash, Path location) {
        try {
            blobs.move(trash, location);
        } catch (IOException e) {
            LOG.log(Level.SEVERE, "Cannot put {0} back after a rollback (it is in {1}): {2}",
                    new Object[] {location, trash, e.toString()});
        }
    }

    private void purge(Path trash) {
        try {
            blobs.delete(trash);
        } catch (IOException e) {
            LOG.log(Level.WARNING, "Cannot remove {0}: {1}", new Object[] {trash, e.toString()});
        }
    }

    /** A directory row and how many rows making it took. */
    public record Directory(StorageObject row, int made) {
    }
}
