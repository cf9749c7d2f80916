package org.cloudweb.monitor.rollup;

import jakarta.annotation.security.PermitAll;
import jakarta.ejb.Schedule;
import jakarta.ejb.Singleton;
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
 * Rolls up the completed hours of this node's host, a few minutes after each hour. Every node does its own
 * host, and also the hosts no node has written for an hour (their node is gone, and their last hours would
 * otherwise never be rolled up); the upserts make a repeated or overlapping run harmless.
 * After downtime it catches up at most {@value #MAX_HOURS_PER_RUN} hours per run, one transaction per hour.
 */
@Singleton
@PermitAll
public class HourlyRollup {

    static final int MAX_HOURS_PER_RUN = 168;
    /** A host not written for this long has no node left to roll its hours up. */
    static final Duration SILENT = Duration.ofHours(1);
    private static final Logger LOG = Logger.getLogger(HourlyRollup.class.getName());

    @Inject
    HostMonitor monitor;

    @Inject
    RollupWriter writer;

    @Inject
    HostRegistry registry;

    // not persistent: every node runs its own, and a missed run is caught up by the next
    @Schedule(hour = "*", minute = "2", persistent = false)
    void hourly() {
        try {
            run(Instant.now());
        } catch (RuntimeException e) {
            // the database may be briefly away: the next run starts where this one stopped
            LOG.log(Level.WARNING, "Hourly rollup failed: {0}", e.toString());
            LOG.log(Level.FINE, "Hourly rollup failure", e);
        }
    }

    /**
     * One run: this node's host, then the silent ones.
     *
     * @return the number of hours rolled up
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
     * Rolls up the completed hours of a host that have samples and no rollups yet, oldest first.
     *
     * @return the number of hours rolled up
     */
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    public int catchUp(int hostId, Instant now) {
        long[] hours = Hours.pending(writer.firstUnrolled(hostId), now.getEpochSecond(), MAX_HOURS_PER_RUN);
        int done = 0;
        for (long hour = hours.length == 0 ? 0 : hours[0]; hours.length > 0 && hour < hours[1]; hour += Hours.SECONDS) {
            writer.rollUp(hostId, hour);
            done++;
        }
        LOG.log(done > 0 ? Level.FINE : Level.FINEST, "Host {0}: rolled up {1} hours", new Object[] {hostId, done});
        return done;
    }
}
