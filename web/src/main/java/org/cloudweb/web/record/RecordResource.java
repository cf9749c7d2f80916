package org.cloudweb.web.record;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import org.cloudweb.ejb.error.BadRequestException;
import org.cloudweb.ejb.record.AuditTrail;
import org.cloudweb.ejb.record.RecordFilter;
import org.cloudweb.ejb.record.RecordPage;
import org.cloudweb.ejb.record.RecordSummary;

/** The audit trail: users read their own records, administrators everyone's. */
@Path("records")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class RecordResource {

    @Inject
    AuditTrail trail;

    /** Records newest first; {@code cursor} is the {@code next} of the previous page. */
    @GET
    public RecordPageView list(@QueryParam("user") String user, @QueryParam("path") String path,
                           @QueryParam("action") String action, @QueryParam("since") String since,
                           @QueryParam("until") String until, @QueryParam("cursor") String cursor,
                           @QueryParam("limit") @DefaultValue("100") int limit) {
        RecordPage page = trail.page(filter(user, path, action, since, until), cursor, limit);
        return new RecordPageView(page.records(), page.next());
    }

    /** Counts and bytes by action or by day (UTC). */
    @GET
    @Path("summary")
    public RecordSummary summary(@QueryParam("user") String user, @QueryParam("path") String path,
                                 @QueryParam("action") String action, @QueryParam("since") String since,
                                 @QueryParam("until") String until,
                                 @QueryParam("groupBy") @DefaultValue("action") String groupBy) {
        return trail.summary(filter(user, path, action, since, until), groupBy);
    }

    private static RecordFilter filter(String user, String path, String action, String since, String until) {
        return new RecordFilter(userId(user), blankToNull(path), blankToNull(action), instant("since", since),
                instant("until", until));
    }

    // a query parameter that JAX-RS cannot convert answers 404; a bad user id is the client's mistake: 400
    private static Long userId(String user) {
        if (user == null || user.isEmpty()) {
            return null;
        }
        try {
            return Long.valueOf(user);
        } catch (NumberFormatException e) {
            throw new BadRequestException("user must be a user id");
        }
    }

    private static Instant instant(String name, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Instant.parse(value);
        } catch (DateTimeParseException e) {
            throw new BadRequestException(name + " must be an ISO-8601 instant such as 2026-01-31T12:00:00Z");
        }
    }

    private static String blankToNull(String value) {
        return value == null || value.isEmpty() ? null : value;
    }
}
