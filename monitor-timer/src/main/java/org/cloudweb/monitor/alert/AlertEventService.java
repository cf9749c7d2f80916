package org.cloudweb.monitor.alert;

import jakarta.annotation.security.DeclareRoles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.Query;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.cloudweb.ejb.error.BadRequestException;
import org.cloudweb.ejb.security.Roles;
import org.cloudweb.persistence.alert.AlertEvent;

/** Lists alert events for administrators, newest first by id, in pages. */
@Stateless
@DeclareRoles({Roles.ADMIN, Roles.USER})
@RolesAllowed(Roles.ADMIN)
@TransactionAttribute(TransactionAttributeType.SUPPORTS)
public class AlertEventService {

    public static final int MAX_PAGE = 1000;

    @PersistenceContext
    EntityManager em;

    /**
     * @param state  {@code firing}, {@code resolved} or null for both
     * @param hostId only this host's events, or null
     * @param ruleId only this rule's events, or null
     * @param cursor the {@code next} of the previous page, or null
     * @throws BadRequestException for an unknown state, a limit out of range or a cursor that is not one
     */
    public AlertEventPage page(String state, Integer hostId, Long ruleId, String cursor, int limit) {
        if (limit < 1 || limit > MAX_PAGE) {
            throw new BadRequestException("limit must be from 1 to " + MAX_PAGE);
        }
        if (state != null && !state.equals(AlertEvent.FIRING) && !state.equals(AlertEvent.RESOLVED)) {
            throw new BadRequestException("state must be 'firing' or 'resolved'");
        }
        List<Object> values = new ArrayList<>();
        StringBuilder where = new StringBuilder();
        condition(where, values, "e.state = ?", state);
        condition(where, values, "e.host_id = ?", hostId);
        condition(where, values, "e.rule_id = ?", ruleId);
        condition(where, values, "e.id < ?", cursor == null ? null : parseCursor(cursor));
        Query query = em.createNativeQuery("SELECT e.id, e.rule_id, r.name, r.metric, e.host_id, h.name, e.state,"
                + " e.value, e.resolved_value, e.started_at, e.resolved_at, e.last_notified_at, e.notifications"
                + " FROM alert_event e JOIN alert_rule r ON r.id = e.rule_id JOIN host h ON h.id = e.host_id"
                + where + " ORDER BY e.id DESC LIMIT " + (limit + 1));
        for (int i = 0; i < values.size(); i++) {
            query.setParameter(i + 1, values.get(i));
        }
        @SuppressWarnings("unchecked")
        List<Object[]> rows = query.getResultList();
        List<AlertEventEntry> events = new ArrayList<>();
        for (Object[] row : rows.subList(0, Math.min(rows.size(), limit))) {
            events.add(new AlertEventEntry(((Number) row[0]).longValue(), ((Number) row[1]).longValue(),
                    (String) row[2], (String) row[3], ((Number) row[4]).intValue(), (String) row[5], (String) row[6],
                    ((Number) row[7]).doubleValue(), row[8] == null ? null : ((Number) row[8]).doubleValue(),
                    instant(row[9]), instant(row[10]), instant(row[11]), ((Number) row[12]).intValue()));
        }
        String next = rows.size() > limit ? String.valueOf(events.get(events.size() - 1).id()) : null;
        return new AlertEventPage(events, next);
    }

    private static void condition(StringBuilder where, List<Object> values, String sql, Object value) {
        if (value != null) {
            where.append(values.isEmpty() ? " WHERE " : " AND ").append(sql);
            values.add(value);
        }
    }

    private static long parseCursor(String cursor) {
        try {
            long id = Long.parseLong(cursor);
            if (id > 0) {
                return id;
            }
        } catch (NumberFormatException e) {
            // answered below
        }
        throw new BadRequestException("cursor must be the 'next' value of a previous page");
    }

    private static Instant instant(Object value) {
        if (value == null) {
            return null;
        }
        LocalDateTime utc = value instanceof LocalDateTime local ? local : ((Timestamp) value).toLocalDateTime();
        return utc.toInstant(ZoneOffset.UTC);
    }
}
