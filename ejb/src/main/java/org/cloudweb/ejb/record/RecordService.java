package org.cloudweb.ejb.record;

import jakarta.annotation.security.PermitAll;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.enterprise.context.ContextNotActiveException;
import jakarta.inject.Inject;
import org.cloudweb.ejb.security.RequestOrigin;

/**
 * Writes the audit trail. {@link #add} joins the caller's transaction, so a change and its record commit or
 * vanish together; {@link #addFailure} commits on its own, so refused attempts are kept although the refusal
 * rolls the caller's transaction back.
 */
@Stateless
@PermitAll
public class RecordService {

    @Inject
    AuditLog log;

    @Inject
    RequestOrigin origin;

    /** A record of the current caller's action. */
    public void add(String action, String path, int status, String detail) {
        log.add(action, path, null, status, 0, detail);
    }

    /**
     * A record of the current caller's action on a stored object, which moved {@code bytes} (an upload, a
     * copy).
     */
    public void add(String action, String path, Long objectId, int status, long bytes, String detail) {
        log.add(action, path, objectId, status, bytes, detail);
    }

    /** A record of a download by the current caller, written soon after in a batch. */
    public void addDownload(String path, Long objectId, int status, long bytes) {
        log.addDownload(path, objectId, status, bytes);
    }

    /** A record of an action by (or about) the given user. */
    public void addFor(Long userId, String action, String path, int status, String detail) {
        log.addFor(userId, action, path, status, detail);
    }

    /** A record that stays even though the caller's transaction is rolled back. */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public void addFailure(Long userId, String action, String path, int status, String detail) {
        log.addFor(userId, action, path, status, detail);
        try {
            origin.failureRecorded();
        } catch (ContextNotActiveException outsideARequest) {
            // nobody else would record it
        }
    }
}
