package org.cloudweb.monitor.alert;

import jakarta.annotation.security.PermitAll;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.cloudweb.persistence.alert.AlertEvent;
import org.cloudweb.persistence.alert.AlertRule;
import org.cloudweb.persistence.common.State;
import org.cloudweb.persistence.user.UserType;

/**
 * What the evaluation reads and writes: the rules of a host (one small query per tick) and, only when a pair
 * changes state or is notified, its event. Each call is a short transaction of its own.
 */
@Stateless
@PermitAll
public class AlertStore {

    private static final Logger LOG = Logger.getLogger(AlertStore.class.getName());

    @PersistenceContext
    EntityManager em;

    /**
     * The enabled rules that apply to a host; a row this version cannot read is left out. A read outside any
     * transaction: the tick calls it every interval, and a container transaction of its own cost more CPU than
     * the query.
     */
    @TransactionAttribute(TransactionAttributeType.SUPPORTS)
    public List<Rule> activeRules(int hostId) {
        List<Rule> rules = new ArrayList<>();
        for (AlertRule row : em.createNamedQuery(AlertRule.ACTIVE_FOR_HOST, AlertRule.class)
                .setParameter("host", hostId).getResultList()) {
            try {
                rules.add(Rule.of(row));
            } catch (IllegalStateException unreadable) {
                LOG.log(Level.FINE, "Alert rule skipped: {0}", unreadable.getMessage());
            }
        }
        return rules;
    }

    public Optional<AlertActions.OpenEvent> openEvent(long ruleId, int hostId) {
        return em.createNamedQuery(AlertEvent.OPEN, AlertEvent.class).setParameter("rule", ruleId)
                .setParameter("host", hostId).setMaxResults(1).getResultStream().findFirst()
                .map(e -> new AlertActions.OpenEvent(e.getId(), e.getValue(), e.getStartedAt(), e.getLastNotifiedAt(),
                        e.getNotifications()));
    }

    /** Stores a firing event and answers its id. */
    public long fire(long ruleId, int hostId, double value, Instant at) {
        AlertEvent event = new AlertEvent(ruleId, hostId, value, at);
        em.persist(event);
        em.flush();
        return event.getId();
    }

    /** Resolves an event that still fires. */
    public void resolve(long eventId, double value, Instant at) {
        em.createNativeQuery("UPDATE alert_event SET state = 'resolved', resolved_value = ?, resolved_at = ?"
                + " WHERE id = ? AND state = 'firing'").setParameter(1, value).setParameter(2, utc(at))
                .setParameter(3, eventId).executeUpdate();
    }

    /** Counts a notice sent about an event. */
    public void notified(long eventId, Instant at) {
        em.createNativeQuery("UPDATE alert_event SET notifications = notifications + 1, last_notified_at = ?"
                + " WHERE id = ?").setParameter(1, utc(at)).setParameter(2, eventId).executeUpdate();
    }

    /** The e-mail addresses of the enabled administrators: the recipients of rules that name none. */
    public List<String> adminEmails() {
        return em.createQuery("SELECT u.email FROM User u WHERE u.type = :type AND u.state = :state ORDER BY u.id",
                String.class).setParameter("type", UserType.ADMIN).setParameter("state", State.ENABLED)
                .getResultList();
    }

    /** A host's name, or null if it is gone. */
    public String hostName(int hostId) {
        List<?> names = em.createNativeQuery("SELECT name FROM host WHERE id = ?").setParameter(1, hostId)
                .getResultList();
        return names.isEmpty() ? null : String.valueOf(names.get(0));
    }

    static LocalDateTime utc(Instant instant) {
        return LocalDateTime.ofInstant(instant, ZoneOffset.UTC);
    }
}
