package org.cloudweb.ejb.record;

import jakarta.annotation.security.PermitAll;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;

/** One batch of {@link RecordRetention}'s work, in a transaction of its own. */
@Stateless
@PermitAll
public class RecordPruner {

    static final int BATCH = 5_000;

    @PersistenceContext
    EntityManager em;

    /** Deletes up to {@value #BATCH} of the oldest records from before {@code cutoff}; answers how many. */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public int deleteBatch(Instant cutoff) {
        return em.createNativeQuery("DELETE FROM record WHERE time < ?1 ORDER BY time LIMIT " + BATCH)
                .setParameter(1, LocalDateTime.ofInstant(cutoff, ZoneOffset.UTC)).executeUpdate();
    }
}
