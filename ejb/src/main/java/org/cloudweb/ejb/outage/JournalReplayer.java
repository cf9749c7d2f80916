package org.cloudweb.ejb.outage;

import jakarta.annotation.security.PermitAll;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.cloudweb.ejb.error.ConflictException;
import org.cloudweb.ejb.error.NotFoundException;
import org.cloudweb.ejb.error.ServiceException;
import org.cloudweb.ejb.quota.QuotaLedger;
import org.cloudweb.ejb.storage.Namespace;
import org.cloudweb.ejb.storage.StoragePath;
import org.cloudweb.ejb.storage.TreeIndex;
import org.cloudweb.persistence.record.AuditRecord;
import org.cloudweb.persistence.storage.StorageObject;
import org.cloudweb.persistence.storage.StorageObjectType;

/**
 * Applies journal entries to the index, a batch per transaction that also moves its segment's checkpoint, so
 * an entry takes effect exactly once however often replay starts over. The disk already shows the change; only
 * rows, quota usage and the record are written here. An entry the index cannot take (a row of another type in
 * the way, an account gone) is recorded as refused and left to a consistency check.
 */
@Stateless
@PermitAll
@TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
public class JournalReplayer {

    private static final Logger LOG = Logger.getLogger(JournalReplayer.class.getName());
    static final String DETAIL = "journaled";

    @PersistenceContext
    EntityManager em;

    @Inject
    TreeIndex tree;

    @Inject
    Namespace namespace;

    @Inject
    QuotaLedger quota;

    /** The last entry of a segment that has been applied (0 for none); registers the segment if it is new. */
    public long checkpoint(String segment) {
        em.createNativeQuery("INSERT IGNORE INTO journal_checkpoint (segment, last_seq, replayed_at) VALUES (?1, 0, ?2)")
                .setParameter(1, segment).setParameter(2, Instant.now()).executeUpdate();
        return ((Number) em.createNativeQuery("SELECT last_seq FROM journal_checkpoint WHERE segment = ?1")
                .setParameter(1, segment).getSingleResult()).longValue();
    }

    /** Applies the entries of a segment (in order) that have not been applied before. */
    public void applyAll(String segment, List<JournalEntry> entries) {
        long last = lockCheckpoint(segment);
        Set<String> locked = new HashSet<>(); // account rows, locked once per batch
        for (JournalEntry entry : entries) {
            if (entry.seq() <= last) {
                continue;
            }
            try {
                apply(entry, locked);
            } catch (ServiceException refused) { // thrown before the entry wrote anything
                recordSkipped(segment, entry, refused.getMessage());
            }
            // each entry reads what it needs: a persistence context growing over the batch would make every flush
            // look at all the rows of the entries before
            em.flush();
            em.clear();
            last = entry.seq();
        }
        moveCheckpoint(segment, last);
    }

    /** Passes over an entry that fails on its own (not for a lack of the database), recording why. */
    public void skip(String segment, JournalEntry entry, String reason) {
        if (entry.seq() > lockCheckpoint(segment)) {
            recordSkipped(segment, entry, reason);
            moveCheckpoint(segment, entry.seq());
        }
    }

    private void apply(JournalEntry entry, Set<String> locked) {
        StoragePath path = StoragePath.parse(entry.path());
        Long objectId = null;
        String detail = DETAIL;
        switch (entry.action()) {
            case JournalEntry.PUT -> objectId = put(path, entry, locked);
            case JournalEntry.MKDIR -> {
                lock(locked, path.account());
                namespace.indexDirectories(path, tree.walk(path), false);
            }
            case JournalEntry.DELETE -> detail = delete(path, locked);
            case JournalEntry.MOVE -> {
                objectId = move(path, StoragePath.parse(entry.target()), locked);
                detail = DETAIL + ", to " + entry.target();
            }
            case JournalEntry.GET -> objectId = idOf(path);
            default -> throw new IllegalArgumentException("Unknown journal action " + entry.action());
        }
        em.persist(new AuditRecord(entry.time(), entry.userId(), entry.action(), entry.path(), objectId,
                entry.status(), entry.size(), entry.client(), detail));
    }

    private void recordSkipped(String segment, JournalEntry entry, String reason) {
        LOG.log(Level.WARNING, "Journal entry {0} of {1} ({2} {3}) not replayed: {4}; a consistency check with "
                + "repair brings the index in line", new Object[] {entry.seq(), segment, entry.action(), entry.path(), reason});
        em.persist(new AuditRecord(entry.time(), entry.userId(), entry.action(), entry.path(), null, 409, entry.size(),
                entry.client(), DETAIL + ", not replayed: " + reason));
    }

    /** The segment's checkpoint, locked until the transaction ends: replays of one segment take turns. */
    private long lockCheckpoint(String segment) {
        return ((Number) em.createNativeQuery("SELECT last_seq FROM journal_checkpoint WHERE segment = ?1 FOR UPDATE")
                .setParameter(1, segment).getSingleResult()).longValue();
    }

    private void moveCheckpoint(String segment, long last) {
        em.createNativeQuery("UPDATE journal_checkpoint SET last_seq = ?1, replayed_at = ?2 WHERE segment = ?3")
                .setParameter(1, last).setParameter(2, Instant.now()).setParameter(3, segment).executeUpdate();
    }

    private long put(StoragePath path, JournalEntry entry, Set<String> locked) {
        lock(locked, path.account());
        List<StorageObject> walked = tree.walk(path);
        StorageObject file = walked.size() == path.names().size() + 1 ? walked.get(walked.size() - 1) : null;
        if (file != null && file.getType() != StorageObjectType.FILE) {
            throw new ConflictException("A directory is in the way: " + path);
        }
        StorageObject parent = namespace.indexDirectories(path.parent(),
                file == null ? walked : walked.subList(0, walked.size() - 1), false).row();
        if (file == null) {
            file = new StorageObject(parent, namespace.owner(parent), path.name(), StorageObjectType.FILE);
            em.persist(file);
            quota.adjust(parent.getOwnerId(), entry.size(), 1);
        } else {
            quota.adjust(parent.getOwnerId(), entry.size() - file.getSize(), 0);
        }
        file.setSize(entry.size());
        file.setEtag(entry.etag());
        file.setContentType(entry.contentType());
        file.setModifiedAt(entry.time());
        file.getMetadata().clear();
        if (entry.metadata() != null) {
            file.getMetadata().putAll(entry.metadata());
        }
        em.flush();
        return file.getId();
    }

    private String delete(StoragePath path, Set<String> locked) {
        lock(locked, path.account());
        StorageObject row = tree.find(path);
        if (row == null) {
            return DETAIL + ", not in the index";
        }
        TreeIndex.Usage removed = namespace.unindex(row);
        return DETAIL + ", " + row.getType().name().toLowerCase(Locale.ROOT) + ", " + removed.objects() + " objects";
    }

    private Long move(StoragePath from, StoragePath to, Set<String> locked) {
        // in name order, as online moves lock
        lock(locked, from.account().compareTo(to.account()) <= 0 ? from.account() : to.account());
        lock(locked, from.account().compareTo(to.account()) <= 0 ? to.account() : from.account());
        StorageObject source = tree.find(from);
        if (source == null) {
            throw new NotFoundException("Nothing at " + from + " in the index");
        }
        StorageObject parent = namespace.indexDirectories(to.parent(), tree.walk(to.parent()), false).row();
        StorageObject existing = tree.find(to);
        if (existing != null && !existing.getId().equals(source.getId())) {
            namespace.unindex(existing);
        }
        long oldOwner = source.getOwner().getId();
        long newOwner = parent.getOwnerId();
        if (oldOwner != newOwner) {
            TreeIndex.Usage usage = tree.usage(source);
            quota.adjust(newOwner, usage.bytes(), usage.objects());
            quota.release(oldOwner, usage.bytes(), usage.objects());
            tree.changeOwner(source, namespace.owner(parent));
        }
        source.setParent(parent);
        source.setName(to.name());
        return source.getId();
    }

    private void lock(Set<String> locked, String account) {
        if (locked.add(account)) {
            tree.lockAccount(account);
        }
    }

    private Long idOf(StoragePath path) {
        StorageObject row = tree.find(path);
        return row == null ? null : row.getId();
    }
}
