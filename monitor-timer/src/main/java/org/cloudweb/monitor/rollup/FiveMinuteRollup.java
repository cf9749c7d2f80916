package org.cloudweb.monitor.rollup;

import jakarta.annotation.security.PermitAll;
import jakarta.ejb.Schedule;
import jakarta.ejb.Singleton;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import java.time.Instant;

/**
 * Rolls up the completed five minutes of this node's host (and of silent hosts, see {@link HostRollup}), each
 * once, shortly after they end: a timer of its own every five minutes rather than work in the tick, so the
 * tick's budget stays what it was. After downtime it catches up oldest first, at most {@value #MAX_PER_RUN}
 * buckets (a day) per run. Oldest first matters to the charts: they take the rollups as covering their range up
 * to the newest one in it, and raw samples beyond (see {@code StatService}).
 */
@Singleton
@PermitAll
public class FiveMinuteRollup extends HostRollup {

    static final int MAX_PER_RUN = 288;

    // 40 s past: the settling time after the end of the five minutes, and some to spare for a timer firing early
    @Schedule(hour = "*", minute = "*/5", second = "40", persistent = false)
    void everyFiveMinutes() {
        runNow("Five-minute");
    }

    @Override
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    public int catchUp(int hostId, Instant now) {
        long[] range = FiveMinutes.pending(writer.firstUnrolledFiveMinutes(hostId), now.getEpochSecond(), MAX_PER_RUN);
        return rollUp(hostId, range, FiveMinutes.SECONDS, writer::rollUpFiveMinutes, "five-minute");
    }
}
