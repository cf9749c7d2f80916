package org.cloudweb.ejb.storage;

import jakarta.annotation.security.DeclareRoles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.PersistenceException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.List;
import org.cloudweb.ejb.error.ConflictException;
import org.cloudweb.ejb.error.QuotaExceededException;
import org.cloudweb.ejb.outage.OfflineQuota;
import org.cloudweb.ejb.quota.QuotaLedger;
import org.cloudweb.ejb.record.AuditLog;
import org.cloudweb.ejb.security.ResourceFirewall;
import org.cloudweb.ejb.security.Roles;
import org.cloudweb.persistence.storage.StorageObject;
import org.cloudweb.persistence.storage.StorageObjectType;

/**
 * The transactional halves of an upload, for {@link StorageService#upload} (which has checked the caller):
 * the quota before the bytes stream, and installing the received file with its row afterwards.
 */
@Stateless
@DeclareRoles({Roles.ADMIN, Roles.USER})
@RolesAllowed(Roles.USER)
public class UploadCommitter {

    @Inject
    OfflineQuota offlineQuota;

    @PersistenceContext
    EntityManager em;

    @Inject
    TreeIndex tree;

    @Inject
    Namespace namespace;

    @Inject
    BlobStore blobs;

    @Inject
    AuditLog records;

    @Inject
    QuotaLedger quota;

    @Inject
    ResourceFirewall firewall;

    /**
     * Lets the caller through the firewall and answers how many bytes the upload may bring: what the owner's
     * quota leaves, plus what a replaced file frees. Reads only, without a transaction, before the bytes stream.
     *
     * @param contentLength the announced length, or -1 for a chunked body
     * @throws QuotaExceededException at once when the announced length does not fit
     */
    @TransactionAttribute(TransactionAttributeType.SUPPORTS)
    public long bytesAllowed(StoragePath path, long contentLength) {
        firewall.requireAccount(path.account());
        long left = quota.bytesLeftIn(path.account());
        offlineQuota.remember(path.account(), left);
        // the file being replaced matters only when the quota is tight: usually one query is enough
        if (left != Long.MAX_VALUE && (contentLength < 0 || contentLength > left)) {
            StorageObject replaced = tree.find(path);
            if (replaced != null && replaced.getType() == StorageObjectType.FILE) {
                left += replaced.getSize();
            }
        }
        if (contentLength > left) {
            throw new QuotaExceededException("The upload needs " + contentLength + " bytes; the quota leaves " + left);
        }
        return left;
    }

    /** Installs a received file at {@code path}, replacing a file there; makes missing parents. */
    public WriteResult commit(StoragePath path, BlobStore.Blob blob, Upload upload) {
        if (upload.metadata() != null) {
            Metadata.check(upload.metadata());
        }
        Indexed result;
        try {
            result = index(path, blob, upload);
        } catch (PersistenceException e) {
            if (ConcurrentChangeException.isDuplicateKey(e)) {
                throw new ConcurrentChangeException(path.toString());
            }
            throw e;
        }
        records.add("fs.put", path.toString(), result.id(), result.created() ? 201 : 204, blob.size(), null);
        try {
            blobs.install(blob, blobs.locate(path)); // last: everything before it can still roll back
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new WriteResult(result.created(), blob.md5(), blob.size());
    }

    /** The index half: parents, the file's row and the quota, flushed so that a concurrent insert shows here. */
    private Indexed index(StoragePath path, BlobStore.Blob blob, Upload upload) {
        tree.lockAccountShared(path.account());
        // one walk finds the parents and the file itself, if it is there
        List<StorageObject> walked = tree.walk(path);
        StorageObject file = walked.size() == path.names().size() + 1 ? walked.get(walked.size() - 1) : null;
        StorageObject parent = namespace.ensureDirectories(path.parent(),
                file == null ? walked : walked.subList(0, walked.size() - 1)).row();
        if (file != null && file.getType() != StorageObjectType.FILE) {
            throw new ConflictException("A directory is in the way: " + path);
        }
        boolean created = file == null;
        long owner = parent.getOwnerId();
        long growth = blob.size() - (created ? 0 : file.getSize());
        quota.claim(owner, growth, created ? 1 : 0);
        if (created) {
            file = new StorageObject(parent, namespace.owner(parent), path.name(), StorageObjectType.FILE);
            em.persist(file);
        }
        file.setSize(blob.size());
        file.setEtag(blob.md5());
        file.setContentType(upload.contentType());
        file.setModifiedAt(Instant.now());
        if (upload.metadata() != null || !created) {
            file.getMetadata().clear();
            if (upload.metadata() != null) {
                file.getMetadata().putAll(upload.metadata());
            }
        }
        em.flush();
        return new Indexed(file.getId(), created);
    }

    private record Indexed(long id, boolean created) {
    }
}
