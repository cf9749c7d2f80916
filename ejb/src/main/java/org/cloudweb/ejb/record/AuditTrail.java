package org.cloudweb.ejb.record;

import jakarta.annotation.security.DeclareRoles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
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
import org.cloudweb.ejb.error.ForbiddenException;
import org.cloudweb.ejb.error.UnauthorizedException;
import org.cloudweb.ejb.security.Caller;
import org.cloudweb.ejb.security.ResourceFirewall;
import org.cloudweb.ejb.security.Roles;
import org.cloudweb.persistence.common.LikePatterns;

/**
 * Reads the audit trail: users their own records, administrators everyone's. Pages go newest first by id,
 * which the (user, id) and (action, id) indexes walk without sorting.
 */
@Stateless
@DeclareRoles({Roles.ADMIN, Roles.USER})
@RolesAllowed(Roles.USER)
public class AuditTrail {

    public static final int MAX_PAGE = 1000;

    @PersistenceContext
    EntityManager em;

    @Inject
    ResourceFirewall firewall;

    @Inject
    AuditLog log;

    @Inject
    PendingRecords pending;

    /** A page of records matching {@code filter}, older than the record the cursor names. */
    public RecordPage page(RecordFilter filter, String cursor, int limit) {
        if (limit < 1 || limit > MAX_PAGE) {
            throw new BadRequestException("limit must be from 1 to " + MAX_PAGE);
        }
        Where where = where(visible(filter));
        pending.flush();
        if (cursor != null) {
            where.and("r.id < ?", parseCursor(cursor));
        }
        Query query = em.createNativeQuery("SELECT r.id, r.time, r.user_id, u.name, r.action, r.path, r.object_id,"
                + " r.status, r.bytes, r.client, r.detail FROM record r LEFT JOIN user u ON u.id = r.user_id"
                + where.sql() + " ORDER BY r.id DESC LIMIT " + (limit + 1));
        @SuppressWarnings("unchecked")
        List<Object[]> rows = where.bind(query).getResultList();
        List<RecordEntry> records = new ArrayList<>(Math.min(rows.size(), limit));
        for (Object[] row : rows.subList(0, Math.min(rows.size(), limit))) {
            records.add(new RecordEntry(number(row[0]), instant(row[1]), nullableNumber(row[2]), (String) row[3],
                    (String) row[4], (String) row[5], nullableNumber(row[6]), (int) number(row[7]), number(row[8]),
                    (String) row[9], (String) row[10]));
        }
        String next = rows.size() > limit ? String.valueOf(records.get(records.size() - 1).id()) : null;
        return new RecordPage(records, next);
    }

    /** Counts and bytes of the records matching {@code filter}, by action or by day. */
    public RecordSummary summary(RecordFilter filter, String groupBy) {
        String key = switch (groupBy == null ? "action" : groupBy) {
            case "action" -> "r.action";
            case "day" -> "DATE_FORMAT(r.time, '%Y-%m-%d')";
            default -> throw new BadRequestException("groupBy must be 'action' or 'day'");
        };
        Where where = where(visible(filter));
        pending.flush();
        Query query = em.createNativeQuery("SELECT " + key + " AS k, COUNT(*), COALESCE(SUM(r.bytes), 0)"
                + " FROM record r" + where.sql() + " GROUP BY k ORDER BY k");
        @SuppressWarnings("unchecked")
        List<Object[]> rows = where.bind(query).getResultList();
        return new RecordSummary(groupBy == null ? "action" : groupBy, rows.stream()
                .map(row -> new RecordSummary.Group((String) row[0], number(row[1]), number(row[2]))).toList());
    }

    /** The filter narrowed to what the caller may see. */
    private RecordFilter visible(RecordFilter filter) {
        Caller caller = firewall.requireSignedIn();
        if (caller.admin()) {
            return filter;
        }
        Long self = log.callerId();
        if (self == null) { // without an id the filter below would show everyone's records
            throw new UnauthorizedException("This user no longer exists");
        }
        if (filter.userId() != null && !filter.userId().equals(self)) {
            throw new ForbiddenException("Users see only their own records");
        }
        return filter.forUser(self);
    }

    private static Where where(RecordFilter filter) {
        Where where = new Where();
        if (filter.userId() != null) {
            where.and("r.user_id = ?", filter.userId());
        }
        if (filter.action() != null) {
            where.and("r.action = ?", filter.action());
        }
        if (filter.pathPrefix() != null) {
            where.and("r.path LIKE ? ESCAPE '!'", LikePatterns.startingWith(filter.pathPrefix()));
        }
        if (filter.since() != null) {
            where.and("r.time >= ?", LocalDateTime.ofInstant(filter.since(), ZoneOffset.UTC));
        }
        if (filter.until() != null) {
            where.and("r.time < ?", LocalDateTime.ofInstant(filter.until(), ZoneOffset.UTC));
        }
        return where;
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

    private static long number(Object value) {
        return ((Number) value).longValue();
    }

    private static Long nullableNumber(Object value) {
        return value == null ? null : ((Number) value).longValue();
    }

    private static Instant instant(Object value) {
        LocalDateTime utc = value instanceof LocalDateTime local ? local : ((Timestamp) value).toLocalDateTime();
        return utc.toInstant(ZoneOffset.UTC);
    }

    /** A WHERE clause built from conditions with one positional parameter each. */
    private static final class Where {
        private final StringBuilder sql = new StringBuilder();
        private final List<Object> values = new ArrayList<>();

        void and(String condition, Object value) {
            sql.append(values.isEmpty() ? " WHERE " : " AND ").append(condition);
            values.add(value);
        }

        String sql() {
            return sql.toString();
        }

        Query bind(Query query) {
            for (int i = 0; i < values.size(); i++) {
                query.setParameter(i + 1, values.get(i));
            }
            return query;
        }
    }
}
