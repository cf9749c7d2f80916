package org.cloudweb.ejb.record;

import jakarta.annotation.security.PermitAll;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.enterprise.context.ContextNotActiveException;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import org.cloudweb.ejb.security.Caller;
import org.cloudweb.ejb.security.RequestOrigin;
import org.cloudweb.ejb.security.ResourceFirewall;
import org.cloudweb.persistence.record.AuditRecord;
import org.cloudweb.persistence.user.User;

/**
 * Writes the audit trail. {@link #add} joins the caller's transaction, so a change and its record commit or
 * vanish together; {@link #addFailure} commits on its own, so refused attempts are kept although the refusal
 * rolls the caller's transaction back.
 */
@Stateless
@PermitAll
public class RecordService {

    private static final int DETAIL_LENGTH = 255;
    private static final int PATH_LENGTH = 4096;

    @PersistenceContext
    EntityManager em;

    @Inject
    ResourceFirewall firewall;

    @Inject
    RequestOrigin origin;

    /** A record of the current caller's action. */
    public void add(String action, String path, int status, String detail) {
        add(action, path, status, 0, detail);
    }

    /** A record of the current caller's action that moved {@code bytes} (an upload, a download). */
    public void add(String action, String path, int status, long bytes, String detail) {
        em.persist(new AuditRecord(callerId(), action, clip(path, PATH_LENGTH), null, status, bytes, clientAddress(),
                clip(detail, DETAIL_LENGTH)));
    }

    /** A record of an action by (or about) the given user. */
    public void addFor(Long userId, String action, String path, int status, String detail) {
        em.persist(new AuditRecord(userId, action, clip(path, PATH_LENGTH), null, status, 0, clientAddress(),
                clip(detail, DETAIL_LENGTH)));
    }

    /** A record that stays even though the caller's transaction is rolled back. */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public void addFailure(Long userId, String action, String path, int status, String detail) {
        addFor(userId, action, path, status, detail);
    }

    private Long callerId() {
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
