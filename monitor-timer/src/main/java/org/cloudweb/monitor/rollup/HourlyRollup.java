package org.cloudweb.monitor.rollup;

import jakarta.annotation.security.PermitAll;
import jakarta.ejb.Schedule;
import jakarta.ejb.Singleton;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import java.time.Instant;

/**
 * Rolls up the completed hours of this node's host (and of silent hosts, see {@link HostRollup}), a few minutes
 * after each hour. After downtime it catches up at most {@value #MAX_HOURS_PER_RUN} hours per run.
 */
@Singleton
@PermitAll
public class HourlyRollup extends HostRollup {

    static final int MAX_HOURS_PER_RUN = 168;

    // not persistent: every node runs its own, and a missed run is caught up by the next
    @Schedule(hour = "*", minute = "2", persistent = false)
    void hourly() {
        runNow("Hourly");
    }

    @Override
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    public int catchUp(int hostId, Instant now) {
        long[] hours = Hours.pending(writer.firstUnrolled(hostId), now.getEpochSecond(), MAX_HOURS_PER_RUN);
        return rollUp(hostId, hours, Hours.SECONDS, writer::rollUp, "hourly");
    }
}
