package org.cloudweb.ejb.quota;

import jakarta.enterprise.context.Dependent;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.List;
import org.cloudweb.ejb.error.NotFoundException;
import org.cloudweb.ejb.error.QuotaExceededException;
import org.cloudweb.persistence.quota.Quota;

/**
 * Usage bookkeeping inside the caller's transaction. Growth is claimed by one conditional update, so the
 * check and the change cannot be split by a concurrent writer: the row stays locked until the transaction
 * ends, and the next writer checks against the usage this one left.
 */
@Dependent
public class QuotaLedger {

    @PersistenceContext
    EntityManager em;

    /**
     * Adds usage if the limits allow it.
     *
     * @throws QuotaExceededException if it would pass a limit; nothing is changed then
     */
    public void claim(long userId, long bytes, long objects) {
        if (bytes == 0 && objects == 0) {
            return;
        }
        // a number that is not positive never blocks: shrinking is allowed even over a lowered limit
        int updated = em.createNamedQuery(Quota.CLAIM_USAGE).setParameter("bytes", bytes)
                .setParameter("objects", objects).setParameter("user", userId).executeUpdate();
        if (updated == 0 && em.find(Quota.class, userId) != null) {
            throw new QuotaExceededException(bytes > 0
                    ? "This needs " + bytes + " bytes" + (objects > 0 ? " and " + objects + " objects" : "")
                    + " more than the quota leaves"
                    : "This needs more objects than the quota allows");
        }
    }

    /** Takes usage away (a delete, or the old owner's side of a move); never refused. */
    public void release(long userId, long bytes, long objects) {
        adjust(userId, -bytes, -objects);
    }

    /**
     * Changes usage whatever the limits say: for what has already happened on disk (a journaled change
     * replayed), which no refusal can undo.
     */
    public void adjust(long userId, long bytes, long objects) {
        if (bytes != 0 || objects != 0) {
            em.createNamedQuery(Quota.ADJUST_USAGE).setParameter("bytes", bytes).setParameter("objects", objects)
                    .setParameter("user", userId).executeUpdate();
        }
    }

    /**
     * Checks without claiming, for failing early before long work (streaming a body, starting a copy job);
     * the work claims when it commits.
     *
     * @throws QuotaExceededException if the usage already leaves no room for this much
     */
    public void check(long userId, long bytes, long objects) {
        Quota quota = em.find(Quota.class, userId);
        if (quota == null) {
            return;
        }
        if (bytes > 0 && quota.getMaxBytes() != null && quota.getUsedBytes() + bytes > quota.getMaxBytes()) {
            throw new QuotaExceededException("This needs " + bytes + " bytes more than the quota leaves");
        }
        if (objects > 0 && quota.getMaxObjects() != null && quota.getUsedObjects() + objects > quota.getMaxObjects()) {
            throw new QuotaExceededException("This needs more objects than the quota allows");
        }
    }

    /**
     * Bytes still allowed in an account (Long.MAX_VALUE when unlimited), read with one query.
     *
     * @throws NotFoundException if there is no such account
     */
    public long bytesLeftIn(String account) {
        List<?> rows = em.createNativeQuery("SELECT q.max_bytes, q.used_bytes FROM stobj a"
                + " LEFT JOIN quota q ON q.user_id = a.owner_id WHERE a.parent_id IS NULL AND a.name = ?1")
                .setParameter(1, account).getResultList();
        if (rows.isEmpty()) {
            throw new NotFoundException("No account " + account);
        }
        Object[] row = (Object[]) rows.get(0);
        return row[0] == null ? Long.MAX_VALUE
                : Math.max(0, ((Number) row[0]).longValue() - ((Number) row[1]).longValue());
    }
}
