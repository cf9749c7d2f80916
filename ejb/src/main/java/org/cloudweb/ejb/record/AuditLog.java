package org.cloudweb.ejb.record;

import jakarta.enterprise.context.ContextNotActiveException;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import org.cloudweb.ejb.security.Caller;
import org.cloudweb.ejb.security.RequestOrigin;
import org.cloudweb.ejb.security.ResourceFirewall;
import org.cloudweb.persistence.record.AuditRecord;
import org.cloudweb.persistence.user.User;

/**
 * Writes records in the caller's transaction: a plain bean for callers on a hot path (an upload's commit),
 * where one more EJB call per request shows; everyone else goes through {@link RecordService}.
 */
@Dependent
public class AuditLog {

    private static final int DETAIL_LENGTH = 255;
    private static final int PATH_LENGTH = 4096;

    @PersistenceContext
    EntityManager em;

    @Inject
    ResourceFirewall firewall;

    @Inject
    RequestOrigin origin;

    @Inject
    PendingRecords pending;

    /**
     * A record of the current caller's action, on a stored object (or null), which moved {@code bytes} (an
     * upload, a copy).
     */
    public void add(String action, String path, Long objectId, int status, long bytes, String detail) {
        em.persist(new AuditRecord(callerId(), action, clip(path, PATH_LENGTH), objectId, status, bytes,
                clientAddress(), clip(detail, DETAIL_LENGTH)));
    }

    /** A record of an action by (or about) the given user. */
    public void addFor(Long userId, String action, String path, int status, String detail) {
        em.persist(new AuditRecord(userId, action, clip(path, PATH_LENGTH), null, status, 0, clientAddress(),
                clip(detail, DETAIL_LENGTH)));
    }

    /**
     * A record of a download by the current caller, written soon after in a batch (see {@link PendingRecords}):
     * the download is not held up by a commit.
     */
    public void addDownload(String path, Long objectId, int status, long bytes) {
        pending.add(new AuditRecord(callerId(), "fs.get", clip(path, PATH_LENGTH), objectId, status, bytes,
                clientAddress(), null));
    }

    /** The id of the current caller (null if anonymous), for records and for what they may read. */
    Long callerId() {
        // the request's authenticated user is the caller: no need to ask the firewall, or the database
        Long authenticated = authenticatedUserId();
        if (authenticated != null) {
            return authenticated;
        }
        Caller caller = firewall.caller();
        if (caller.isAnonymous()) {
            return null;
        }
        return em.createNamedQuery(User.ID_BY_NAME, Long.class).setParameter("name", caller.name())
                .getResultStream().findFirst().orElse(null);
    }

    private Long authenticatedUserId() {
        try {
            return origin.userId();
        } catch (ContextNotActiveException outsideARequest) {
            return null;
        }
    }

    private String clientAddress() {
        try {
            return origin.clientAddress();
        } catch (ContextNotActiveException outsideARequest) {
            return null;
        }
    }

    private static String clip(String text, int length) {
        return text == null || text.length() <= length ? text : text.substring(0, length - 1) + "…";
    }
}
