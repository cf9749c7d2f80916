package org.cloudweb.monitor.retention;

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
import org.cloudweb.ejb.config.ConfigKey;
import org.cloudweb.ejb.config.ConfigService;
import org.cloudweb.monitor.stats.StatKind;

/**
 * Removes raw samples older than {@code monitor.retention.raw}, five-minute rollups older than
 * {@code monitor.retention.5min} (by default as old as the raw samples) and hourly rollups older than
 * {@code monitor.retention.rollups}, once a day. Deletes go per host in bounded batches, each its own
 * transaction, so the tick's inserts are never held up for long.
 */
@Singleton
@PermitAll
public class StatRetention {

    private static final Logger LOG = Logger.getLogger(StatRetention.class.getName());

    @Inject
    ConfigService config;

    @Inject
    StatPruner pruner;

    // not persistent: every node runs it; the second finds little or nothing left to do
    @Schedule(hour = "4", minute = "23", persistent = false)
    void daily() {
        try {
            prune(Instant.now());
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "Series retention failed: {0}", e.toString());
            LOG.log(Level.FINE, "Series retention failure", e);
        }
    }

    /** Removes what the retention settings let go as of {@code now}; answers how many rows were removed. */
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    public long prune(Instant now) {
        Duration raw = config.get(ConfigKey.MONITOR_RETENTION_RAW);
        Duration fiveMinutes = config.get(ConfigKey.MONITOR_RETENTION_FIVE_MINUTES);
        long rawCutoff = now.minus(raw).getEpochSecond();
        long fiveMinuteCutoff = now.minus(fiveMinutes != null ? fiveMinutes : raw).getEpochSecond();
        long rollupCutoff = now.minus(config.get(ConfigKey.MONITOR_RETENTION_ROLLUPS)).getEpochSecond();
        long removed = 0;
        for (StatKind kind : StatKind.values()) {
            removed += prune(kind.table(), "time", rawCutoff);
            removed += prune(kind.fiveMinuteTable(), "minute", fiveMinuteCutoff);
            removed += prune(kind.hourlyTable(), "hour", rollupCutoff);
        }
        LOG.log(removed > 0 ? Level.INFO : Level.FINE, "Removed {0} series rows (raw before {1}, five-minute rollups"
                + " before {2}, hourly rollups before {3})", new Object[] {removed, Instant.ofEpochSecond(rawCutoff),
                Instant.ofEpochSecond(fiveMinuteCutoff), Instant.ofEpochSecond(rollupCutoff)});
        return removed;
    }

    private long prune(String table, String timeColumn, long cutoff) {
        long removed = 0;
        for (int hostId : pruner.hosts(table)) {
            int batch;
            do {
                batch = pruner.deleteBatch(table, timeColumn, hostId, cutoff);
                removed += batch;
            } while (batch == StatPruner.BATCH);
        }
        return removed;
    }
}
