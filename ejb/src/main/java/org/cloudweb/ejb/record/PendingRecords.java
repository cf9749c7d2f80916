package org.cloudweb.ejb.record;

import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.cloudweb.persistence.record.AuditRecord;

/**
 * Records of downloads, written shortly after the download in batches: a download changes nothing, so its
 * record has no transaction to join, and a commit of its own for every download would cost the caller more
 * than the download itself. Reading the trail writes what is pending first, so a node reads its own records.
 * A download's record may therefore get a higher id than records of actions that followed it within the batch
 * delay; its time is the download's.
 */
@ApplicationScoped
public class PendingRecords {

    private static final Logger LOG = Logger.getLogger(PendingRecords.class.getName());
    private static final long DELAY_MILLIS = 200;
    private static final int BATCH = 500;

    private final ConcurrentLinkedQueue<AuditRecord> queue = new ConcurrentLinkedQueue<>();
    private final AtomicBoolean scheduled = new AtomicBoolean();

    @Inject
    RecordWriter writer;

    @Resource
    ManagedScheduledExecutorService executor;

    void add(AuditRecord record) {
        queue.add(record);
        if (scheduled.compareAndSet(false, true)) {
            executor.schedule(this::writeScheduled, DELAY_MILLIS, TimeUnit.MILLISECONDS);
        }
    }

    /**
     * Writes everything pending now, in the caller's thread. One writer at a time: a reader's flush waits for
     * a batch that is being written, so it never misses records still on their way to the table.
     */
    public synchronized void flush() {
        List<AuditRecord> batch = new ArrayList<>();
        for (AuditRecord record = queue.poll(); record != null; record = queue.poll()) {
            batch.add(record);
            if (batch.size() == BATCH) {
                write(batch);
                batch = new ArrayList<>();
            }
        }
        if (!batch.isEmpty()) {
            write(batch);
        }
    }

    private void writeScheduled() {
        scheduled.set(false); // first: a record added while this runs schedules the next round
        flush();
    }

    private void write(List<AuditRecord> batch) {
        try {
            writer.writeAll(batch);
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "{0} download records could not be written: {1}",
                    new Object[] {batch.size(), e.toString()});
        }
    }

    @PreDestroy
    void writeWhatIsLeft() {
        flush();
    }
}
