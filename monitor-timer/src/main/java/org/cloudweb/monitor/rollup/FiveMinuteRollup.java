package org.cloudweb.monitor.rollup;

import jakarta.annotation.security.PermitAll;
import jakarta.ejb.Schedule;
import jakarta.ejb.Singleton;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.cloudweb.monitor.host.HostRegistry;
import org.cloudweb.monitor.timer.HostMonitor;

/**
 * Rolls up the completed five minutes of this node's host, each once, shortly after they end: a timer of its own
 * every five minutes rather than work in the tick, so the tick's budget stays what it was. Like
 * {@link HourlyRollup} it also does the hosts no node has written for an hour, and catches up after downtime
 * oldest first, at most {@value #MAX_PER_RUN} buckets (a day) per run, one transaction per bucket. Oldest first
 * matters to the charts: they take the rollups as covering their range up to the newest one in it, and raw
 * samples beyond (see {@code StatService}).
 */
@Singleton
@PermitAll
public class FiveMinuteRollup {

    static final int MAX_PER_RUN = 288;
    private static final Logger LOG = Logger.getLogger(FiveMinuteRollup.class.getName());

    @Inject
    HostMonitor monitor;

    @Inject
    RollupWriter writer;

    @Inject
    HostRegistry registry;

    // 40 s past: the settling time after the end of the five minutes, and some to spare for a timer firing early
    @Schedule(hour = "*", minute = "*/5", second = "40", persistent = false)
    void everyFiveMinutes() {
        try {
            run(Instant.now());
        } catch (RuntimeException e) {
            // the database may be briefly away: the next run starts where this one stopped
            LOG.log(Level.WARNING, "Five-minute rollup failed: {0}", e.toString());
            LOG.log(Level.FINE, "Five-minute rollup failure", e);
        }
    }

    /**
     * One run: this node's host, then the silent ones.
     *
     * @return the number of five-minute buckets rolled up
     */
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    public int run(Instant now) {
        int done = 0;
        Integer own = monitor.hostId();
        if (own != null) {
            done += catchUp(own, now);
        }
        for (int silent : registry.silentSince(now.minus(HourlyRollup.SILENT))) {
            done += catchUp(silent, now);
        }
        return done;
    }

    /**
     * Rolls up the settled five minutes of a host that have samples and no rollups yet, oldest first.
     *
     * @return the number of five-minute buckets rolled up
     */
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    public int catchUp(int hostId, Instant now) {
        long[] range = FiveMinutes.pending(writer.firstUnrolledFiveMinutes(hostId), now.getEpochSecond(), MAX_PER_RUN);
        int done = 0;
        for (long start = range.length == 0 ? 0 : range[0]; range.length > 0 && start < range[1];
             start += FiveMinutes.SECONDS) {
            writer.rollUpFiveMinutes(hostId, start);
            done++;
        }
        LOG.log(done > 0 ? Level.FINE : Level.FINEST, "Host {0}: rolled up {1} five-minute buckets",
                new Object[] {hostId, done});
        return done;
    }
}
