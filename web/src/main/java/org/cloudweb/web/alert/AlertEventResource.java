package org.cloudweb.web.alert;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.cloudweb.ejb.error.BadRequestException;
import org.cloudweb.monitor.alert.AlertEventPage;
import org.cloudweb.monitor.alert.AlertEventService;

/** {@code GET /alerts?state&host&rule&limit&cursor}: alert events, newest first. */
@Path("alerts")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class AlertEventResource {

    @Inject
    AlertEventService events;

    @GET
    public AlertEventPageView list(@QueryParam("state") String state, @QueryParam("host") String host,
                                   @QueryParam("rule") String rule, @QueryParam("cursor") String cursor,
                                   @QueryParam("limit") @DefaultValue("100") int limit) {
        Long hostId = id("host", host);
        if (hostId != null && hostId > Integer.MAX_VALUE) {
            throw new BadRequestException("host must be a host id");
        }
        AlertEventPage page = events.page(blankToNull(state), hostId == null ? null : hostId.intValue(),
                id("rule", rule), blankToNull(cursor), limit);
        return new AlertEventPageView(page.events().stream().map(AlertEventView::of).toList(), page.next());
    }

    // a query parameter that JAX-RS cannot convert answers 404; a bad id is the client's mistake: 400
    private static Long id(String name, String value) {
        if (value == null || value.isEmpty()) {
            return null;
        }
        try {
            long id = Long.parseLong(value);
            if (id > 0) {
                return id;
            }
        } catch (NumberFormatException e) {
            // answered below
        }
        throw new BadRequestException(name + " must be " + (name.equals("host") ? "a host id" : "a rule id"));
    }

    private static String blankToNull(String value) {
        return value == null || value.isEmpty() ? null : value;
    }
}
