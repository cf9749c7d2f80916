package org.cloudweb.web.monitor;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;
import org.cloudweb.ejb.error.BadRequestException;
import org.cloudweb.monitor.host.HostDetails;
import org.cloudweb.monitor.host.HostService;
import org.cloudweb.monitor.host.HostSummary;
import org.cloudweb.monitor.load.Ranking;
import org.cloudweb.monitor.load.RankingService;
import org.cloudweb.monitor.stats.StatResolution;
import org.cloudweb.monitor.stats.StatSeries;
import org.cloudweb.monitor.stats.StatService;
import org.cloudweb.monitor.status.HostStatus;
import org.cloudweb.monitor.status.HostStatusService;

/**
 * {@code GET /hosts} lists the hosts, {@code GET /hosts/{id}} shows one with its inventory, and
 * {@code GET /hosts/{id}/stats/{kind}?from&to&step} answers its series (default: the last hour), raw or from
 * the five-minute or hourly rollups. {@code GET /hosts/{id}/status} shows its last check round;
 * {@code GET /hosts/ranking} ranks the hosts by load, for any signed-in user (the services say who may call what).
 */
@Path("hosts")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class HostResource {

    @Inject
    HostService hosts;

    @Inject
    StatService stats;

    @Inject
    HostStatusService status;

    @Inject
    RankingService ranking;

    @GET
    public List<HostSummary> list() {
        return hosts.list();
    }

    @GET
    @Path("{id:[0-9]{1,9}}")
    public HostDetails get(@PathParam("id") int id) {
        return hosts.get(id);
    }

    @GET
    @Path("ranking")
    public Ranking ranking() {
        return ranking.rank();
    }

    @GET
    @Path("{id:[0-9]{1,9}}/status")
    public HostStatus status(@PathParam("id") int id) {
        return status.get(id);
    }

    @GET
    @Path("{id:[0-9]{1,9}}/stats/{kind}")
    public StatSeries stats(@PathParam("id") int id, @PathParam("kind") String kind, @QueryParam("from") String from,
                            @QueryParam("to") String to, @QueryParam("step") String step) {
        return stats.series(id, kind, instant("from", from), instant("to", to), step(step));
    }

    private static Duration step(String value) {
        try {
            return StatResolution.parseStep(value);
        } catch (IllegalArgumentException e) {
            throw new BadRequestException(e.getMessage());
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
}
