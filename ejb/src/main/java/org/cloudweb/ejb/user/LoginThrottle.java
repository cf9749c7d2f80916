package org.cloudweb.ejb.user;

import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.cloudweb.ejb.error.TooManyRequestsException;
import org.cloudweb.ejb.record.RecordService;
import org.cloudweb.ejb.security.RequestOrigin;
import org.cloudweb.persistence.record.AuditRecord;

/**
 * Refuses a login once {@value #MAX_FAILURES} attempts for the same e-mail address or from the same client
 * address have failed within {@link #WINDOW}. Counts the failed-login records, so every node of a cluster
 * sees the same failures and a restart forgets nothing.
 */
@Dependent
public class LoginThrottle {

    static final int MAX_FAILURES = 5;
    static final Duration WINDOW = Duration.ofMinutes(1);

    @PersistenceContext
    EntityManager em;

    @Inject
    RequestOrigin origin;

    @Inject
    RecordService records;

    /** @throws TooManyRequestsException with the seconds until the oldest counted failure leaves the window */
    void check(String email) {
        Instant now = Instant.now();
        String client = origin.clientAddress();
        List<Instant> failures = em.createNamedQuery(AuditRecord.RECENT_FAILURES, Instant.class)
                .setParameter("action", TokenService.LOGIN).setParameter("status", 401)
                .setParameter("since", now.minus(WINDOW)).setParameter("detail", email)
                .setParameter("client", client == null ? "" : client)
                .getResultList();
        if (failures.size() >= MAX_FAILURES) {
            Instant frees = failures.get(failures.size() - MAX_FAILURES).plus(WINDOW);
            long seconds = Math.max(1, Duration.between(now, frees).toSeconds() + 1);
            records.addFailure(null, TokenService.LOGIN, null, 429, email);
            throw new TooManyRequestsException("Too many failed logins; try again in " + seconds + " s", seconds);
        }
    }
}
