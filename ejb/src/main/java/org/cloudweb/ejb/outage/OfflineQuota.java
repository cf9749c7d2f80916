package org.cloudweb.ejb.outage;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * What this node last knew of the bytes each account may still add, so that uploads keep to the quota while the
 * database is away. Online, every upload's quota check tells it the account's room, and each upload that then
 * commits takes its whole size off (a replaced file's bytes are not given back: the room known offline errs on
 * the small side until the next check reads it again). Offline, an upload claims its growth from the room;
 * one that does not fit is refused. An account this node has not seen an upload for since it started is not
 * limited meanwhile, and each node keeps its own account of the room: replay counts every upload all the same.
 */
@ApplicationScoped
public class OfflineQuota {

    private final ConcurrentHashMap<String, Long> room = new ConcurrentHashMap<>();

    /** The bytes an account may still add, as the database has just said ({@code Long.MAX_VALUE}: no limit). */
    public void remember(String account, long bytesLeft) {
        if (bytesLeft == Long.MAX_VALUE) {
            room.remove(account);
        } else {
            room.put(account, Math.max(0, bytesLeft));
        }
    }

    /** An upload of this many bytes committed online. */
    public void spent(String account, long bytes) {
        room.computeIfPresent(account, (name, left) -> Math.max(0, left - bytes));
    }

    /** The bytes an upload may bring while the database is away: {@code Long.MAX_VALUE} where the room is unknown. */
    public long left(String account) {
        return room.getOrDefault(account, Long.MAX_VALUE);
    }

    /** Takes an offline upload's growth from the account's room; false, and nothing taken, if it does not fit. */
    boolean claim(String account, long growth) {
        if (growth <= 0) {
            return true; // a smaller replacement gives nothing back, as online commits give nothing back
        }
        AtomicBoolean fits = new AtomicBoolean(true);
        room.computeIfPresent(account, (name, left) -> {
            if (growth > left) {
                fits.set(false);
                return left;
            }
            return left - growth;
        });
        return fits.get();
    }
}
