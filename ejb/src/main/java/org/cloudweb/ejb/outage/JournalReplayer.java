package org.cloudweb.ejb.outage;

import jakarta.annotation.security.PermitAll;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.Query;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
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

    static final String DETAIL = "journaled";
    private static final Logger LOG = Logger.getLogger(JournalReplayer.class.getName());
    /** How long before its journal entry an upload's failed commit can have stored the same file. */
    private static final Duration COMMIT_WINDOW = Duration.ofMinutes(1);
    private static final int RECORD_COLUMNS = 9;

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
                .setParameter(1, segment).setParameter(2, utc(Instant.now())).executeUpdate();
        return ((Number) em.createNativeQuery("SELECT last_seq FROM journal_checkpoint WHERE segment = ?1")
                .setParameter(1, segment).getSingleResult()).longValue();
    }

    /** Applies the entries of a segment (in order) that have not been applied before. */
    public void applyAll(String segment, List<JournalEntry> entries) {
        long last = lockCheckpoint(segment);
        Batch batch = new Batch();
        for (JournalEntry entry : entries) {
            if (entry.seq() <= last) {
                continue;
            }
            try {
                apply(entry, batch);
            } catch (ServiceException refused) { // thrown before the entry wrote anything
                skipped(segment, entry, refused.getMessage(), batch);
            }
            // each entry reads what it needs: a persistence context growing over the batch would make every flush
            // look at all the rows of the entries before
            em.flush();
            em.clear();
            last = entry.seq();
        }
        finish(segment, last, batch);
    }

    /** Passes over an entry that fails on its own (not for a lack of the database), recording why. */
    public void skip(String segment, JournalEntry entry, String reason) {
        if (entry.seq() > lockCheckpoint(segment)) {
            Batch batch = new Batch();
            skipped(segment, entry, reason, batch);
            finish(segment, entry.seq(), batch);
        }
    }

    private void apply(JournalEntry entry, Batch batch) {
        StoragePath path = StoragePath.parse(entry.path());
        switch (entry.action()) {
            case JournalEntry.PUT -> put(path, entry, batch);
            case JournalEntry.MKDIR -> {
                batch.lock(path.account());
                namespace.indexDirectories(path, tree.walk(path), false);
                batch.record(entry, null, DETAIL);
            }
            case JournalEntry.DELETE -> batch.record(entry, null, delete(path, batch));
            case JournalEntry.MOVE -> batch.record(entry, move(path, StoragePath.parse(entry.target()), batch),
                    DETAIL + ", to " + entry.target());
            // the object's id is not looked up: a download changes nothing, and its record needs only the path
            case JournalEntry.GET -> batch.record(entry, null, DETAIL);
            default -> throw new IllegalArgumentException("Unknown journal action " + entry.action());
        }
    }

    private void skipped(String segment, JournalEntry entry, String reason, Batch batch) {
        LOG.log(Level.WARNING, "Journal entry {0} of {1} ({2} {3}) not replayed: {4}; a consistency check with "
                + "repair brings the index in line", new Object[] {entry.seq(), segment, entry.action(), entry.path(), reason});
        batch.record(entry, 409, null, DETAIL + ", not replayed: " + reason);
    }

    /** The quota changes and records of a batch, and the checkpoint after its last entry. */
    private void finish(String segment, long last, Batch batch) {
        batch.usage.forEach((owner, change) -> quota.adjust(owner, change[0], change[1]));
        for (int from = 0; from < batch.records.size(); from += RECORD_COLUMNS * 500) {
            insertRecords(batch.records.subList(from, Math.min(batch.records.size(), from + RECORD_COLUMNS * 500)));
        }
        em.createNativeQuery("UPDATE journal_checkpoint SET last_seq = ?1, replayed_at = ?2 WHERE segment = ?3")
                .setParameter(1, last).setParameter(2, utc(Instant.now())).setParameter(3, segment).executeUpdate();
    }

    /** The segment's checkpoint, locked until the transaction ends: replays of one segment take turns. */
    private long lockCheckpoint(String segment) {
        return ((Number) em.createNativeQuery("SELECT last_seq FROM journal_checkpoint WHERE segment = ?1 FOR UPDATE")
                .setParameter(1, segment).getSingleResult()).longValue();
    }

    /** Records as one multi-row insert: a statement for each would cost more than the rest of the replay. */
    private void insertRecords(List<Object> values) {
        StringBuilder sql = new StringBuilder("INSERT INTO record (time, user_id, action, path, object_id, status, "
                + "bytes, client, detail) VALUES ");
        for (int row = 0; row < values.size() / RECORD_COLUMNS; row++) {
            sql.append(row == 0 ? "(" : ", (");
            for (int column = 1; column <= RECORD_COLUMNS; column++) {
                sql.append(column == 1 ? "?" : ", ?").append(row * RECORD_COLUMNS + column);
            }
            sql.append(')');
        }
        Query insert = em.createNativeQuery(sql.toString());
        for (int i = 0; i < values.size(); i++) {
            insert.setParameter(i + 1, values.get(i));
        }
        insert.executeUpdate();
    }

    private void put(StoragePath path, JournalEntry entry, Batch batch) {
        batch.lock(path.account());
        List<StorageObject> walked = tree.walk(path);
        StorageObject file = walked.size() == path.names().size() + 1 ? walked.get(walked.size() - 1) : null;
        if (file != null && file.getType() != StorageObjectType.FILE) {
            throw new ConflictException("A directory is in the way: " + path);
        }
        if (file != null && entry.option() && committedBefore(file, entry)) {
            return; // journaled after its commit failed, yet the commit went through: indexed and recorded already
        }
        StorageObject parent = namespace.indexDirectories(path.parent(),
                file == null ? walked : walked.subList(0, walked.size() - 1), false).row();
        if (file == null) {
            file = new StorageObject(parent, namespace.owner(parent), path.name(), StorageObjectType.FILE);
            em.persist(file);
            batch.use(parent.getOwnerId(), entry.size(), 1);
        } else {
            batch.use(parent.getOwnerId(), entry.size() - file.getSize(), 0);
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
        batch.record(entry, file.getId(), DETAIL);
    }

    /** Whether the row shows this very upload, stored by the commit that seemed to fail just before. */
    private static boolean committedBefore(StorageObject file, JournalEntry entry) {
        return entry.etag().equals(file.getEtag()) && file.getSize() == entry.size()
                && !file.getModifiedAt().isAfter(entry.time())
                && file.getModifiedAt().isAfter(entry.time().minus(COMMIT_WINDOW));
    }

    private String delete(StoragePath path, Batch batch) {
        batch.lock(path.account());
        StorageObject row = tree.find(path);
        if (row == null) {
            return DETAIL + ", not in the index";
        }
        TreeIndex.Usage removed = namespace.unindex(row);
        return DETAIL + ", " + row.getType().name().toLowerCase(Locale.ROOT) + ", " + removed.objects() + " objects";
    }

    private Long move(StoragePath from, StoragePath to, Batch batch) {
        // in name order, as online moves lock
        batch.lock(from.account().compareTo(to.account()) <= 0 ? from.account() : to.account());
        batch.lock(from.account().compareTo(to.account()) <= 0 ? to.account() : from.account());
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

    private static LocalDateTime utc(Instant instant) {
        return LocalDateTime.ofInstant(instant, ZoneOffset.UTC);
    }

    /** What a batch gathers for its end: accounts it has locked, usage per owner, and the records' columns. */
    private final class Batch {

        final Set<String> locked = new HashSet<>();
        final Map<Long, long[]> usage = new HashMap<>();
        final List<Object> records = new ArrayList<>();

        void lock(String account) {
            if (locked.add(account)) {
                tree.lockAccount(account);
            }
        }

        void use(long owner, long bytes, long objects) {
            long[] change = usage.computeIfAbsent(owner, id -> new long[2]);
            change[0] += bytes;
            change[1] += objects;
        }

        void record(JournalEntry entry, Long objectId, String detail) {
            record(entry, entry.status(), objectId, detail);
        }

        void record(JournalEntry entry, int status, Long objectId, String detail) {
            String clipped = detail.length() > 255 ? detail.substring(0, 254) + "…" : detail;
            records.addAll(Arrays.asList(utc(entry.time()), entry.userId(), entry.action(), entry.path(), objectId,
                    status, entry.size(), entry.client(), clipped));
        }
    }
}
