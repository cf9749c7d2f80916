package org.cloudweb.ejb.storage;

import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.function.LongConsumer;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.cloudweb.ejb.data.TransactionHooks;
import org.cloudweb.ejb.error.ConflictException;
import org.cloudweb.ejb.error.QuotaExceededException;
import org.cloudweb.ejb.quota.QuotaLedger;
import org.cloudweb.persistence.storage.StorageObject;
import org.cloudweb.persistence.storage.StorageObjectType;

/**
 * Copies a subtree breadth-first, rows and disk, inside the caller's transaction: the rows of one directory's
 * children (and their metadata) with one statement each, whatever their number. Files share their bytes with
 * the original through a hard link where the filesystem allows (safe: every write replaces a file rather than
 * changing it), else the bytes are copied. If the transaction rolls back, the copy is removed from disk again.
 */
@Dependent
public class TreeCopier {

    private static final Logger LOG = Logger.getLogger(TreeCopier.class.getName());

    @PersistenceContext
    EntityManager em;

    @Inject
    BlobStore blobs;

    @Inject
    TransactionHooks hooks;

    @Inject
    TreeIndex tree;

    @Inject
    Namespace namespace;

    @Inject
    QuotaLedger quota;

    /**
     * Copies the tree at {@code from} to {@code to} (whose parents are made), holding the target account's
     * lock. The whole copy is claimed from the target owner's quota before anything is written.
     *
     * @throws ConflictException       if something is at {@code to}
     * @throws QuotaExceededException  if the copy does not fit
     */
    public TreeIndex.Usage copyTree(StoragePath from, StoragePath to, LongConsumer progress) {
        tree.lockAccount(to.account());
        StorageObject source = tree.get(from);
        StorageObject parent = namespace.ensureDirectories(to.parent()).row();
        if (tree.child(parent, to.name()) != null) {
            throw new ConflictException("Something already exists at " + to);
        }
        long owner = parent.getOwner().getId();
        TreeIndex.Usage claimed = tree.usage(source);
        quota.claim(owner, claimed.bytes(), claimed.objects());
        TreeIndex.Usage copied = copy(source, from, parent, to, progress);
        // the source's account is not locked, so it may have changed in between: settle the difference
        quota.claim(owner, copied.bytes() - claimed.bytes(), copied.objects() - claimed.objects());
        return copied;
    }

    /**
     * Copies {@code source} (at {@code from}) to {@code to}, below {@code targetParent}.
     *
     * @param progress told the number of objects copied so far, after each directory
     * @return rows and bytes copied
     */
    public TreeIndex.Usage copy(StorageObject source, StoragePath from, StorageObject targetParent, StoragePath to,
                                LongConsumer progress) {
        Path target = blobs.locate(to);
        hooks.onRollback(() -> removeQuietly(target));
        StorageObject top = copyTop(source, targetParent, to);
        long objects = 1;
        long bytes = top.getSize();
        if (source.getType() == StorageObjectType.FILE) {
            link(from, to);
            return new TreeIndex.Usage(objects, bytes);
        }
        mkdir(to);
        Deque<Pending> queue = new ArrayDeque<>(List.of(new Pending(source.getId(), top.getId(), from, to)));
        while (!queue.isEmpty()) {
            Pending level = queue.poll();
            objects += copyChildRows(level, targetParent.getOwner().getId());
            bytes += ((Number) em.createNativeQuery("SELECT COALESCE(SUM(size), 0) FROM stobj WHERE parent_id = ?1")
                    .setParameter(1, level.copyId()).getSingleResult()).longValue();
            @SuppressWarnings("unchecked")
            List<Object[]> children = em.createNativeQuery("""
                    SELECT o.name, o.type, o.id, n.id FROM stobj o JOIN stobj n
                        ON n.parent_id = ?2 AND n.name = o.name
                    WHERE o.parent_id = ?1""").setParameter(1, level.sourceId()).setParameter(2, level.copyId())
                    .getResultList();
            for (Object[] child : children) {
                String name = (String) child[0];
                if ("file".equals(child[1])) {
                    link(level.from().child(name), level.to().child(name));
                } else {
                    mkdir(level.to().child(name));
                    queue.add(new Pending(((Number) child[2]).longValue(), ((Number) child[3]).longValue(),
                            level.from().child(name), level.to().child(name)));
                }
            }
            progress.accept(objects);
        }
        return new TreeIndex.Usage(objects, bytes);
    }

    private StorageObject copyTop(StorageObject source, StorageObject targetParent, StoragePath to) {
        StorageObjectType type = source.getType() == StorageObjectType.CONTAINER && !to.isContainer()
                ? StorageObjectType.DIR : source.getType();
        StorageObject copy = new StorageObject(targetParent, targetParent.getOwner(), to.name(), type);
        copy.setSize(source.getSize());
        copy.setEtag(source.getEtag());
        copy.setContentType(source.getContentType());
        copy.setState(source.getState());
        copy.getMetadata().putAll(source.getMetadata());
        em.persist(copy);
        em.flush();
        return copy;
    }

    /** The rows of one directory's children and their metadata, copied by the database. */
    private int copyChildRows(Pending level, long owner) {
        int rows = em.createNativeQuery("""
                INSERT INTO stobj (parent_id, owner_id, name, type, size, etag, content_type, state, created_at,
                                   modified_at)
                SELECT ?2, ?3, name, type, size, etag, content_type, state, NOW(6), NOW(6)
                FROM stobj WHERE parent_id = ?1""").setParameter(1, level.sourceId())
                .setParameter(2, level.copyId()).setParameter(3, owner).executeUpdate();
        em.createNativeQuery("""
                INSERT INTO stobj_meta (stobj_id, meta_key, meta_value)
                SELECT n.id, m.meta_key, m.meta_value FROM stobj o
                    JOIN stobj_meta m ON m.stobj_id = o.id
                    JOIN stobj n ON n.parent_id = ?2 AND n.name = o.name
                WHERE o.parent_id = ?1""").setParameter(1, level.sourceId()).setParameter(2, level.copyId())
                .executeUpdate();
        return rows;
    }

    private void link(StoragePath from, StoragePath to) {
        try {
            blobs.copyFile(blobs.locate(from), blobs.locate(to));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void mkdir(StoragePath path) {
        try {
            blobs.createDirectories(blobs.locate(path));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void removeQuietly(Path target) {
        try {
            blobs.delete(target);
        } catch (IOException e) {
            LOG.log(Level.WARNING, "Cannot remove the copy at {0} after a rollback: {1}",
                    new Object[] {target, e.toString()});
        }
    }

    /** One directory to copy the children of: source and copy, by row id and path. */
    private record Pending(long sourceId, long copyId, StoragePath from, StoragePath to) {
    }
}
