package org.cloudweb.ejb.record;

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

/**
 * Removes records older than the {@code records.retention} setting, once a day (by default nothing: records
 * are kept forever). Deletes go in bounded batches, each its own transaction, so writers are never held up.
 */
@Singleton
@PermitAll
public class RecordRetention {

    private static final Logger LOG = Logger.getLogger(RecordRetention.class.getName());

    @Inject
    ConfigService config;

    @Inject
    RecordPruner pruner;

    // not persistent: every node runs it; the second finds little or nothing left to do
    @Schedule(hour = "3", minute = "41", persistent = false)
    void daily() {
        prune();
    }

    /** Removes what the retention setting lets go; answers how many records were removed. */
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    public long prune() {
        Duration retention = config.get(ConfigKey.RECORDS_RETENTION);
        if (retention == null) {
            return 0;
        }
        Instant cutoff = Instant.now().minus(retention);
        long removed = 0;
        int batch;
        do {
            batch = pruner.deleteBatch(cutoff);
            removed += batch;
        } while (batch == RecordPruner.BATCH);
        LOG.log(removed > 0 ? Level.INFO : Level.FINE, "Removed {0} records older than {1}",
                new Object[] {removed, cutoff});
        return removed;
    }
}
