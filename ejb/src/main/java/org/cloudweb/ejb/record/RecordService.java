package org.cloudweb.ejb.record;

import jakarta.annotation.security.PermitAll;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;

/**
 * Writes the audit trail. {@link #add} joins the caller's transaction, so a change and its record commit or
 * vanish together; {@link #addFailure} commits on its own, so refused attempts are kept although the refusal
 * rolls the caller's transaction back.
 */
@Stateless
@PermitAll
public class RecordService {

    @Inject
    AuditTrail trail;

    /** A record of the current caller's action. */
    public void add(String action, String path, int status, String detail) {
        add(action, path, status, 0, detail);
    }

    /** A record of the current caller's action that moved {@code bytes} (an upload, a download). */
    public void add(String action, String path, int status, long bytes, String detail) {
        trail.add(action, path, status, bytes, detail);
    }

    /** A record of an action by (or about) the given user. */
    public void addFor(Long userId, String action, String path, int status, String detail) {
        trail.addFor(userId, action, path, status, detail);
    }

    /** A record that stays even though the caller's transaction is rolled back. */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public void addFailure(Long userId, String action, String path, int status, String detail) {
        trail.addFor(userId, action, path, status, detail);
    }
}
