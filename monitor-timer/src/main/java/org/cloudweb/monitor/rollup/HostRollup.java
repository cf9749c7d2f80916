package org.cloudweb.monitor.rollup;

import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.cloudweb.monitor.host.HostRegistry;
import org.cloudweb.monitor.timer.HostMonitor;

/**
 * What the rollup timers share: every node does its own host, and also the hosts no node has written for an
 * hour (their node is gone, and their last buckets would otherwise never be rolled up); the upserts make a
 * repeated or overlapping run harmless. Each bucket is one transaction of its own.
 */
public abstract class HostRollup {

    /** A host not written for this long has no node left to roll its buckets up. */
    static final Duration SILENT = Duration.ofHours(1);
    private static final Logger LOG = Logger.getLogger(HostRollup.class.getName());

    @Inject
    HostMonitor monitor;

    @Inject
    RollupWriter writer;

    @Inject
    HostRegistry registry;

    /**
     * One run: this node's host, then the silent ones.
     *
     * @return the number of buckets rolled up
     */
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    public int run(Instant now) {
        int done = 0;
        Integer own = monitor.hostId();
        if (own != null) {
            done += catchUp(own, now);
        }
        for (int silent : registry.silentSince(now.minus(SILENT))) {
            done += catchUp(silent, now);
        }
        return done;
    }

    /**
     * Rolls up the settled buckets of a host that have samples and no rollups yet, oldest first.
     *
     * @return the number of buckets rolled up
     */
    public abstract int catchUp(int hostId, Instant now);

    /** A run from a timer: a failure is logged, and the next run starts where this one stopped. */
    void runNow(String what) {
        try {
            run(Instant.now());
        } catch (RuntimeException e) {
            // the database may be briefly away
            LOG.log(Level.WARNING, "{0} rollup failed: {1}", new Object[] {what, e.toString()});
            LOG.log(Level.FINE, what + " rollup failure", e);
        }
    }

    /** Rolls up the buckets [first, end) of a host, {@code step} seconds each; answers how many. */
    int rollUp(int hostId, long[] range, long step, BucketWriter bucket, String what) {
        int done = 0;
        for (long start = range.length == 0 ? 0 : range[0]; range.length > 0 && start < range[1]; start += step) {
            bucket.rollUp(hostId, start);
            done++;
        }
        LOG.log(done > 0 ? Level.FINE : Level.FINEST, "Host {0}: rolled up {1} {2} buckets",
                new Object[] {hostId, done, what});
        return done;
    }

    /** Rolls up one bucket of a host, in a transaction of its own. */
    @FunctionalInterface
    interface BucketWriter {
        void rollUp(int hostId, long start);
    }
}
