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
import org.cloudweb.persistence.storage.StorageObject;
import org.cloudweb.persistence.storage.StorageObjectType;

/**
 * Copies a subtree breadth-first, rows and disk, inside the caller's transaction. Files share their bytes
 * with the original through a hard link where the filesystem allows (safe: every write replaces a file
 * rather than changing it), else the bytes are copied. If the transaction rolls back, the copy is removed
 * from disk again.
 */
@Dependent
public class TreeCopier {

    private static final Logger LOG = Logger.getLogger(TreeCopier.class.getName());
    private static final int PAGE = 1000;

    @PersistenceContext
    EntityManager em;

    @Inject
    TreeIndex tree;

    @Inject
    BlobStore blobs;

    @Inject
    TransactionHooks hooks;

    /**
     * Copies {@code source} (at {@code from}) to {@code to}, below {@code targetParent}.
     *
     * @param progress told the number of objects copied so far, now and then
     * @return rows and bytes copied
     */
    public TreeIndex.Usage copy(StorageObject source, StoragePath from, StorageObject targetParent, StoragePath to,
                                LongConsumer progress) {
        Path target = blobs.locate(to);
        hooks.onRollback(() -> removeQuietly(target));
        Deque<Step> queue = new ArrayDeque<>();
        queue.add(new Step(source, from, targetParent, to));
        long objects = 0;
        long bytes = 0;
        while (!queue.isEmpty()) {
            Step step = queue.poll();
            StorageObject copy = copyNode(step);
            objects++;
            bytes += copy.getSize();
            if (objects % PAGE == 0) {
                em.flush();
                em.clear();
                progress.accept(objects);
            }
            if (step.source().getType() != StorageObjectType.FILE) {
                String marker = "";
                for (List<StorageObject> page = tree.children(em.find(StorageObject.class, step.source().getId()),
                        "", marker, PAGE); !page.isEmpty(); page = tree.children(
                        em.find(StorageObject.class, step.source().getId()), "", marker, PAGE)) {
                    for (StorageObject child : page) {
                        queue.add(new Step(child, step.from().child(child.getName()), copy,
                                step.to().child(child.getName())));
                    }
                    marker = page.get(page.size() - 1).getName();
                }
            }
        }
        em.flush();
        return new TreeIndex.Usage(objects, bytes);
    }

    private StorageObject copyNode(Step step) {
        StorageObject source = em.find(StorageObject.class, step.source().getId());
        StorageObject parent = em.find(StorageObject.class, step.targetParent().getId());
        StorageObjectType type = source.getType() == StorageObjectType.CONTAINER && !step.to().isContainer()
                ? StorageObjectType.DIR : source.getType();
        StorageObject copy = new StorageObject(parent, parent.getOwner(), step.to().name(), type);
        copy.setSize(source.getSize());
        copy.setEtag(source.getEtag());
        copy.setContentType(source.getContentType());
        copy.setState(source.getState());
        copy.getMetadata().putAll(source.getMetadata());
        em.persist(copy);
        em.flush();
        try {
            if (type == StorageObjectType.FILE) {
                blobs.copyFile(blobs.locate(step.from()), blobs.locate(step.to()));
            } else {
                blobs.createDirectories(blobs.locate(step.to()));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return copy;
    }

    private void removeQuietly(Path target) {
        try {
            blobs.delete(target);
        } catch (IOException e) {
            LOG.log(Level.WARNING, "Cannot remove the copy at {0} after a rollback: {1}",
                    new Object[] {target, e.toString()});
        }
    }

    /** One node to copy: where it is, and under which new parent its copy goes. */
    private record Step(StorageObject source, StoragePath from, StorageObject targetParent, StoragePath to) {
    }
}
