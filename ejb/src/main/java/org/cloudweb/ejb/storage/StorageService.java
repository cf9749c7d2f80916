package org.cloudweb.ejb.storage;

import jakarta.annotation.Resource;
import jakarta.annotation.security.DeclareRoles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.EJB;
import jakarta.ejb.EJBException;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.cloudweb.ejb.error.BadRequestException;
import org.cloudweb.ejb.error.ChecksumMismatchException;
import org.cloudweb.ejb.error.ConflictException;
import org.cloudweb.ejb.error.ForbiddenException;
import org.cloudweb.ejb.error.QuotaExceededException;
import org.cloudweb.ejb.job.JobService;
import org.cloudweb.ejb.outage.DatabaseOutage;
import org.cloudweb.ejb.outage.OfflineQuota;
import org.cloudweb.ejb.outage.OfflineStorage;
import org.cloudweb.ejb.quota.QuotaLedger;
import org.cloudweb.ejb.record.RecordService;
import org.cloudweb.ejb.security.Caller;
import org.cloudweb.ejb.security.ResourceFirewall;
import org.cloudweb.ejb.security.Roles;
import org.cloudweb.persistence.common.State;
import org.cloudweb.persistence.storage.StorageObject;
import org.cloudweb.persistence.storage.StorageObjectType;

/**
 * The operations of the file API. Every one passes the resource firewall first; namespace changes hold the
 * account's lock for their short transaction, never while bytes stream.
 */
@Stateless
@DeclareRoles({Roles.ADMIN, Roles.USER})
@RolesAllowed(Roles.USER)
public class StorageService {

    public static final int MAX_LIST = 10_000;
    private static final Logger LOG = Logger.getLogger(StorageService.class.getName());
    private static final int COMMIT_ATTEMPTS = 3;
    /** Copies of up to this many objects finish within the request; larger ones run as a job. */
    public static final int SYNCHRONOUS_COPY = 2_000;
    public static final int MAX_TREE_DEPTH = 10;
    public static final int MAX_TREE_NODES = 10_000;

    // @EJB, not @Inject, for the beans every upload calls: through a CDI proxy each call costs an exception
    // inside Payara's EJB integration
    @EJB
    ResourceFirewall firewall;

    @Inject
    TreeIndex tree;

    @Inject
    Namespace namespace;

    @Inject
    BlobStore blobs;

    @EJB
    UploadCommitter committer;

    @Inject
    RecordService records;

    @Inject
    TreeCopier copier;

    @Inject
    CopyJob copyJob;

    @Inject
    JobService jobs;

    @Inject
    QuotaLedger quota;

    @Resource
    ManagedExecutorService executor;

    @EJB
    DatabaseOutage outage;

    @Inject
    OfflineStorage offline;

    @Inject
    OfflineQuota offlineQuota;

    /**
     * Stores a file: the bytes stream to a temporary file outside any transaction, then one short
     * transaction makes missing parents, installs the file and updates index, quota and records.
     */
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    public WriteResult upload(StoragePath path, InputStream body, Upload upload) {
        if (path.names().size() < 2) {
            throw new BadRequestException("A file goes into a container: /account/container/file");
        }
        long allowed = bytesAllowed(path, upload.contentLength());
        BlobStore.Blob blob;
        try {
            blob = blobs.receive(body, allowed);
        } catch (BlobStore.TooLargeException e) {
            throw new QuotaExceededException("The upload does not fit in the quota");
        } catch (IOException e) {
            // the message may name a file under the data directory: it goes to the log, not to the client
            LOG.log(Level.FINE, "Upload to {0} failed: {1}", new Object[] {path, e.toString()});
            throw new BadRequestException("The upload was cut off or could not be stored");
        }
        if (upload.contentLength() >= 0 && blob.size() != upload.contentLength()) {
            blobs.discard(blob);
            throw new BadRequestException("Content-Length said " + upload.contentLength() + " bytes but "
                    + blob.size() + " arrived");
        }
        if (upload.expectedMd5() != null && !upload.expectedMd5().equalsIgnoreCase(blob.md5())) {
            blobs.discard(blob);
            throw new ChecksumMismatchException("The ETag sent does not match the MD5 of the bytes received");
        }
        boolean installed = false;
        try {
            WriteResult result = install(path, blob, upload);
            installed = true;
            return result;
        } finally {
            if (!installed) {
                blobs.discard(blob); // may be gone already, if the failure came after installing it
            }
        }
    }

    /**
     * Checked before a byte is read: a known length that does not fit is refused at once, a chunked body is
     * stopped where it passes what the quota leaves; the commit claims the exact size. Without the database the
     * room this node last knew of is the limit ({@link OfflineQuota}), and replay counts the upload.
     */
    private long bytesAllowed(StoragePath path, long contentLength) {
        if (!outage.isDown()) {
            try {
                return committer.bytesAllowed(path, contentLength);
            } catch (RuntimeException e) {
                if (!outage.failed(e)) {
                    throw e;
                }
            }
        }
        firewall.requireAccount(path.account());
        long left = offlineQuota.left(path.account());
        if (contentLength > left) {
            throw new QuotaExceededException("The upload needs " + contentLength + " bytes; the quota leaves " + left
                    + " as far as this node knows while the database is away");
        }
        return left;
    }

    /** Installs a received file with its row, or journaled while the database is away. */
    private WriteResult install(StoragePath path, BlobStore.Blob blob, Upload upload) {
        if (outage.isDown()) {
            WriteResult journaled = offline.install(path, blob, upload, false);
            if (journaled != null) {
                return journaled;
            }
        }
        for (int attempt = 1; ; attempt++) {
            try {
                WriteResult committed = committer.commit(path, blob, upload);
                offlineQuota.spent(path.account(), blob.size());
                return committed;
            } catch (ConcurrentChangeException e) {
                // a concurrent upload made the same file or directory first: try again, now replacing it
                if (attempt == COMMIT_ATTEMPTS) {
                    throw e;
                }
            } catch (Exception e) { // a commit cut off by the database may end in a checked SystemException
                // the database went away: the bytes are here (or installed by the commit that failed) and stay
                WriteResult journaled = outage.failed(e) ? offline.install(path, blob, upload, true) : null;
                if (journaled == null) {
                    throw e instanceof RuntimeException unchecked ? unchecked : new EJBException(e);
                }
                return journaled;
            }
        }
    }

    /** Makes a container or a directory with its missing parents. */
    public WriteResult makeDirectories(StoragePath path) {
        firewall.requireAccount(path.account());
        Namespace.requireContainerOrBelow(path);
        if (outage.isDown()) {
            WriteResult journaled = offline.makeDirectories(path);
            if (journaled != null) {
                return journaled;
            }
        }
        tree.lockAccount(path.account());
        Namespace.Directory directory = namespace.ensureDirectories(path);
        int made = directory.made();
        if (made > 0) {
            records.add("fs.mkdir", path.toString(), directory.row().getId(), 201, 0, made + " made");
        }
        return new WriteResult(made > 0, null, 0);
    }

    /** What is at a path; a disabled file only for administrators. */
    public Entry describe(StoragePath path) {
        Caller caller = firewall.requireAccount(path.account());
        if (outage.isDown()) {
            return offline.describe(path);
        }
        return entry(path, tree.get(path), caller);
    }

    /**
     * What {@code GET} answers, with the path resolved once: a file's entry, or a directory's entry with one
     * page of its children (by name in byte order, from the index only).
     */
    public Listing read(StoragePath path, String prefix, String marker, int limit) {
        Caller caller = firewall.requireAccount(path.account());
        if (limit < 1 || limit > MAX_LIST) {
            throw new BadRequestException("limit must be from 1 to " + MAX_LIST);
        }
        if (outage.isDown()) {
            return offline.read(path, prefix, marker, limit);
        }
        StorageObject row = tree.get(path);
        Entry entry = entry(path, row, caller);
        if (row.getType() == StorageObjectType.FILE) {
            return new Listing(entry, null, null);
        }
        List<Entry> page = tree.listing(row.getId(), path, prefix, marker, limit + 1);
        List<Entry> entries = page.subList(0, Math.min(limit, page.size()));
        String next = page.size() > limit ? entries.get(entries.size() - 1).name() : null;
        return new Listing(entry, entries, next);
    }

    private Entry entry(StoragePath path, StorageObject row, Caller caller) {
        if (row.getState() == State.DISABLED && row.getType() == StorageObjectType.FILE && !caller.admin()) {
            throw new ForbiddenException("object_disabled", "This file is disabled");
        }
        return Entry.of(path, row, row.getType() == StorageObjectType.FILE ? blobs.locate(path) : null);
    }

    /** A download is recorded once its bytes are sent; the record is written in a later batch. */
    @TransactionAttribute(TransactionAttributeType.SUPPORTS)
    public void recordDownload(Entry file, int status, long bytes) {
        firewall.requireAccount(StoragePath.parse(file.path()).account());
        if (!outage.isDown() || !offline.recordDownload(file, status, bytes)) {
            records.addDownload(file.path(), file.id(), status, bytes);
        }
    }

    /**
     * The subtree below a path, breadth-first, {@code depth} levels deep (at most {@value #MAX_TREE_DEPTH}) and
     * at most {@value #MAX_TREE_NODES} nodes.
     */
    public TreeView tree(StoragePath path, int depth) {
        firewall.requireAccount(path.account());
        if (depth < 0 || depth > MAX_TREE_DEPTH) {
            throw new BadRequestException("depth must be from 0 to " + MAX_TREE_DEPTH);
        }
        outage.requireDatabase();
        StorageObject top = tree.get(path);
        TreeNode root = new TreeNode(Entry.of(path, top, null));
        record Pending(StorageObject row, StoragePath path, TreeNode node, int level) {
        }
        Deque<Pending> queue = new ArrayDeque<>(List.of(new Pending(top, path, root, 0)));
        int nodes = 1;
        boolean truncated = false;
        while (!queue.isEmpty() && !truncated) {
            Pending pending = queue.poll();
            if (pending.row().getType() == StorageObjectType.FILE || pending.level() == depth) {
                continue;
            }
            for (StorageObject child : tree.children(pending.row(), "", "", MAX_TREE_NODES - nodes + 1)) {
                if (nodes == MAX_TREE_NODES) {
                    truncated = true;
                    break;
                }
                StoragePath childPath = pending.path().child(child.getName());
                TreeNode node = new TreeNode(Entry.brief(pending.path(), child));
                pending.node().children().add(node);
                nodes++;
                queue.add(new Pending(child, childPath, node, pending.level() + 1));
            }
        }
        return new TreeView(root, nodes, truncated);
    }

    /** Deletes a file, an empty directory or container, or (recursive) a whole subtree. */
    public void delete(StoragePath path, boolean recursive) {
        firewall.requireAccount(path.account());
        Namespace.requireContainerOrBelow(path);
        if (outage.isDown() && offline.delete(path, recursive) != null) {
            return;
        }
        tree.lockAccount(path.account());
        StorageObject row = tree.get(path);
        if (row.getType() != StorageObjectType.FILE && !recursive && tree.hasChildren(row)) {
            throw new ConflictException("not_empty", "Not empty: delete with recursive=true");
        }
        TreeIndex.Usage removed = namespace.remove(row, path);
        // no object id: the object is gone, as the ids of its earlier records are now
        records.add("fs.delete", path.toString(), null, 204, removed.bytes(),
                row.getType().name().toLowerCase(Locale.ROOT) + ", " + removed.objects() + " objects");
    }

    /** Replaces a node's metadata and/or enables or disables a file. */
    public Entry update(StoragePath path, Map<String, String> metadata, State state) {
        firewall.requireAccount(path.account());
        Namespace.requireContainerOrBelow(path);
        outage.requireDatabase();
        StorageObject row = tree.get(path);
        if (state != null) {
            if (row.getType() != StorageObjectType.FILE) {
                throw new BadRequestException("Only files are enabled or disabled");
            }
            row.setState(state);
        }
        if (metadata != null) {
            Metadata.check(metadata);
            row.getMetadata().clear();
            row.getMetadata().putAll(metadata);
        }
        String detail = (metadata == null ? "" : "metadata ")
                + (state == null ? "" : "state=" + state.name().toLowerCase(Locale.ROOT));
        records.add("fs.update", path.toString(), row.getId(), 200, 0, detail.strip());
        return Entry.of(path, row, null);
    }

    /**
     * Moves or renames a file or directory: one rename on disk and one row changed, whatever the subtree
     * holds. Across accounts (administrators only) the subtree changes owner and quotas follow.
     */
    public WriteResult move(StoragePath from, StoragePath to, boolean overwrite) {
        checkPlacement(from, to, "move");
        if (outage.isDown()) {
            WriteResult journaled = offline.move(from, to, overwrite);
            if (journaled != null) {
                return journaled;
            }
        }
        Placement placement = place(from, to, overwrite, "move");
        StorageObject source = placement.source();
        StorageObject parent = placement.parent();
        boolean replaced = placement.replaced();
        long oldOwner = source.getOwner().getId();
        long newOwner = parent.getOwner().getId();
        if (oldOwner != newOwner) {
            TreeIndex.Usage usage = tree.usage(source);
            quota.claim(newOwner, usage.bytes(), usage.objects());
            quota.release(oldOwner, usage.bytes(), usage.objects());
            tree.changeOwner(source, parent.getOwner());
        }
        source.setParent(parent);
        source.setName(to.name());
        try {
            blobs.move(blobs.locate(from), blobs.locate(to));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        records.add("fs.move", from.toString(), source.getId(), 200, 0, "to " + to);
        return new WriteResult(!replaced, source.getEtag(), source.getSize());
    }

    /**
     * Copies a file or directory tree. Small trees are copied at once (created is true); larger ones become
     * a job whose id is answered (created is false, the etag field holds the job id).
     */
    public CopyResult copy(StoragePath from, StoragePath to, boolean overwrite) {
        checkPlacement(from, to, "be copied");
        outage.requireDatabase();
        Placement placement = place(from, to, overwrite, "be copied");
        StorageObject source = placement.source();
        StorageObject parent = placement.parent();
        TreeIndex.Usage usage = tree.usage(source);
        quota.check(parent.getOwner().getId(), usage.bytes(), usage.objects());
        if (usage.objects() > SYNCHRONOUS_COPY) {
            long job = jobs.start("copy", usage.objects());
            executor.submit(() -> copyJob.run(job, from, to));
            return new CopyResult(false, job, usage);
        }
        TreeIndex.Usage copied = copier.copyTree(from, to, done -> { });
        records.add("fs.copy", from.toString(), source.getId(), 201, copied.bytes(), "to " + to);
        return new CopyResult(true, null, copied);
    }

    /** The outcome of a copy: done now, or running as a job. */
    public record CopyResult(boolean done, Long jobId, TreeIndex.Usage usage) {
    }

    /**
     * The locks and rows a move and a copy share (after {@link #checkPlacement}): the target's parent made, and
     * whatever is at the target removed if {@code overwrite}.
     */
    private Placement place(StoragePath from, StoragePath to, boolean overwrite, String verb) {
        lockAccounts(from.account(), to.account());
        StorageObject source = tree.get(from);
        StorageObject parent = namespace.ensureDirectories(to.parent()).row();
        StorageObject existing = tree.child(parent, to.name());
        if (existing != null) {
            if (!overwrite) {
                throw new ConflictException("Something already exists at " + to);
            }
            if (existing.getType() != StorageObjectType.FILE && tree.hasChildren(existing)) {
                throw new ConflictException("not_empty", "A directory that is not empty is in the way");
            }
            namespace.remove(existing, to);
        }
        return new Placement(source, parent, existing != null);
    }

    /**
     * The checks of a move or copy that need no database: both accounts reachable, no loop, and containers only
     * at container level (a container is what sits directly below an account).
     */
    private void checkPlacement(StoragePath from, StoragePath to, String verb) {
        firewall.requireAccount(from.account());
        firewall.requireAccount(to.account());
        Namespace.requireContainerOrBelow(from);
        Namespace.requireContainerOrBelow(to);
        if (from.contains(to)) {
            throw new BadRequestException(from.equals(to) ? "Source and target are the same"
                    : "A directory cannot " + verb + " into itself");
        }
        if (from.isContainer() != to.isContainer()) {
            throw new BadRequestException("Containers stay directly below an account, and only containers do");
        }
    }

    /** Where a move or copy goes: the source row, the target's parent row, and whether something was replaced. */
    private record Placement(StorageObject source, StorageObject parent, boolean replaced) {
    }

    private void lockAccounts(String first, String second) {
        // always in the same order, so that two moves in opposite directions cannot deadlock
        if (first.compareTo(second) <= 0) {
            tree.lockAccount(first);
            tree.lockAccount(second);
        } else {
            tree.lockAccount(second);
            tree.lockAccount(first);
        }
    }
}
