package org.cloudweb.ejb.outage;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.DependsOn;
import jakarta.ejb.EJB;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.inject.Inject;
import jakarta.persistence.PersistenceException;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.function.Supplier;
import java.util.logging.Level;
import java.util.logging.Logger;
import javax.sql.DataSource;
import org.cloudweb.ejb.error.ServiceUnavailableException;
import org.cloudweb.ejb.schema.SchemaMigrator;

/**
 * Whether this node is serving without its database. A database call that fails makes the caller ask here;
 * a probe decides, and when the database does not answer the node switches to journal mode: files are read
 * from disk and file changes are journaled (see {@link OfflineStorage}). A probe every second notices its
 * return; the journal is then replayed, the last entries with new changes held back for a moment, and the node
 * goes back to the index. Journals left behind (a node that stopped while the database was away) are
 * replayed at start-up.
 */
@Singleton
@Startup
@DependsOn("SchemaMigrator")
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
// reads of the state join whatever the caller runs in; probes run outside it (see isReachable)
@TransactionAttribute(TransactionAttributeType.SUPPORTS)
public class DatabaseOutage {

    /** What a refusal tells the client to wait: about how long noticing the database's return takes. */
    public static final long RETRY_AFTER_SECONDS = 5;
    private static final Logger LOG = Logger.getLogger(DatabaseOutage.class.getName());
    private static final long PROBE_MILLIS = 1000;
    private static final int PROBE_TIMEOUT_SECONDS = 2;
    /** Entries replayed per transaction. */
    private static final int BATCH = 500;
    /** Replay passes while changes still come in, before they are held back for the last one. */
    private static final int OPEN_PASSES = 5;
    /** A pass that replayed no more than this many entries is followed by the last one. */
    private static final int SMALL_PASS = 2 * BATCH;

    @Resource(lookup = SchemaMigrator.DATA_SOURCE)
    DataSource dataSource;

    @Resource
    ManagedScheduledExecutorService executor;

    @Inject
    IndexJournal journal;

    @EJB
    JournalReplayer replayer;

    /** Journaled changes hold it shared; the switch back to the index holds it alone. */
    private final ReentrantReadWriteLock gate = new ReentrantReadWriteLock();
    private volatile Instant downSince;

    @PostConstruct
    void replayLeftovers() {
        try {
            int replayed = replayAll();
            if (replayed > 0) {
                LOG.log(Level.INFO, "Replayed {0} journaled operations left from an earlier outage", replayed);
            }
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "The journal left from an earlier outage could not be replayed yet: {0}", e.toString());
            goDown();
        }
    }

    /** True while this node serves files without the database. */
    public boolean isDown() {
        return downSince != null;
    }

    /** Since when the database has been away, or null. */
    public Instant downSince() {
        return downSince;
    }

    /** Operations this node has journaled in the current outage. */
    public long journaled() {
        return journal.activeEntries();
    }

    /**
     * Called with the failure of a database call: answers whether the database is unreachable, and if so
     * switches to journal mode. Failures of other kinds (and a database that answers) answer false.
     */
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    public boolean failed(Throwable failure) {
        if (!involvesDatabase(failure)) {
            return false;
        }
        return !isReachable();
    }

    /**
     * Probes the database unless journal mode is on: answers whether it is reachable, switching if not. Outside
     * any transaction: a connection enlisted in one would fail the caller's transaction along with the probe.
     */
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    public boolean isReachable() {
        if (isDown()) {
            return false;
        }
        if (probe()) {
            return true;
        }
        goDown();
        return false;
    }

    /** @throws ServiceUnavailableException in journal mode: for calls that cannot be served without the database */
    public void requireDatabase() {
        if (isDown()) {
            throw unavailable();
        }
    }

    /** The refusal of a call that needs the database while it is away. */
    public static ServiceUnavailableException unavailable() {
        return new ServiceUnavailableException("The database is unreachable; this needs it. Files can still be "
                + "read, stored, moved and deleted.", RETRY_AFTER_SECONDS);
    }

    /**
     * Runs a journaled change while the database is away, never across the switch back to the index.
     *
     * @return what the change answers, or null without running it when the database is back
     */
    public <T> T whileDown(Supplier<T> change) {
        gate.readLock().lock();
        try {
            return isDown() ? change.get() : null;
        } finally {
            gate.readLock().unlock();
        }
    }

    private boolean probe() {
        try (Connection connection = dataSource.getConnection()) {
            return connection.isValid(PROBE_TIMEOUT_SECONDS);
        } catch (SQLException e) {
            LOG.log(Level.FINE, "Database probe failed: {0}", e.toString());
            return false;
        }
    }

    private synchronized void goDown() {
        if (downSince == null) {
            downSince = Instant.now();
            LOG.warning("The database is unreachable: files are served from the data directory and their changes "
                    + "journaled until it is back");
            scheduleRecovery();
        }
    }

    private void scheduleRecovery() {
        executor.schedule(this::recover, PROBE_MILLIS, TimeUnit.MILLISECONDS);
    }

    private void recover() {
        try {
            if (!probe()) {
                scheduleRecovery();
                return;
            }
            // the bulk while changes still come in (each pass catches up with the ones before); the rest with
            // changes held back, so that none comes between the last entry and the switch
            int replayed = 0;
            for (int pass = 1; pass <= OPEN_PASSES; pass++) {
                int entries = replayAll();
                replayed += entries;
                if (entries <= SMALL_PASS) {
                    break;
                }
            }
            gate.writeLock().lock();
            try {
                journal.closeActive();
                replayed += replayAll(); // what came in meanwhile; changes wait for this part
                downSince = null;
            } finally {
                gate.writeLock().unlock();
            }
            LOG.log(Level.INFO, "The database is back: {0} journaled operations replayed", replayed);
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "Replaying the journal failed; trying again: {0}", e.toString());
            scheduleRecovery();
        }
    }

    /**
     * Replays every segment no other node is writing, oldest first; this node's open segment as far as it goes
     * (it is finished once closed). A replayed segment is deleted.
     */
    private int replayAll() {
        int replayed = 0;
        for (String segment : journal.segments()) {
            if (segment.equals(journal.activeSegment())) {
                replayed += replay(segment);
                continue;
            }
            try (IndexJournal.SegmentLock claimed = journal.claim(segment)) {
                if (claimed != null) {
                    replayed += replay(segment);
                    journal.delete(segment);
                }
            }
        }
        return replayed;
    }

    private int replay(String segment) {
        List<JournalEntry> entries = journal.read(segment, replayer.checkpoint(segment));
        for (int from = 0; from < entries.size(); from += BATCH) {
            List<JournalEntry> batch = entries.subList(from, Math.min(entries.size(), from + BATCH));
            try {
                replayer.applyAll(segment, batch);
            } catch (RuntimeException failed) {
                if (!probe()) {
                    throw failed;
                }
                replayOneByOne(segment, batch);
            }
        }
        return entries.size();
    }

    /** A batch that failed with the database up: its entries one by one, passing over those that fail alone. */
    private void replayOneByOne(String segment, List<JournalEntry> batch) {
        for (JournalEntry entry : batch) {
            try {
                replayer.applyAll(segment, List.of(entry));
            } catch (RuntimeException failed) {
                if (!probe()) {
                    throw failed;
                }
                replayer.skip(segment, entry, failed.toString());
            }
        }
    }

    /**
     * Whether a failure came from the database, the connection pool or the transaction manager (a commit cut off
     * by the database); anything else is not an outage.
     */
    static boolean involvesDatabase(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            String type = cause.getClass().getName();
            if (cause instanceof SQLException || cause instanceof PersistenceException
                    || type.endsWith("DatabaseException") || type.startsWith("jakarta.resource.")
                    || type.startsWith("jakarta.transaction.") || type.startsWith("javax.transaction.")) {
                return true;
            }
            if (cause.getCause() == cause) {
                break;
            }
        }
        return false;
    }
}
