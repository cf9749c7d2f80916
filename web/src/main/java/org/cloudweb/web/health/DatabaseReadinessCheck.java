package org.cloudweb.web.health;

import jakarta.ejb.EJB;
import jakarta.enterprise.context.ApplicationScoped;
import org.cloudweb.ejb.outage.DatabaseOutage;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import org.eclipse.microprofile.health.Readiness;

/**
 * The database, probed with a 2 s limit. Without it the node stays ready but says {@code degraded}: it still
 * serves files from the data directory and journals their changes (the data directory check says whether it
 * can), so a load balancer keeps sending it the calls it can answer.
 */
@Readiness
@ApplicationScoped
public class DatabaseReadinessCheck implements HealthCheck {

    @EJB
    DatabaseOutage outage;

    @Override
    public HealthCheckResponse call() {
        HealthCheckResponseBuilder response = HealthCheckResponse.named("database").up();
        if (outage.isReachable()) {
            return response.withData("mode", "normal").build();
        }
        return response.withData("mode", "degraded").withData("reachable", false)
                .withData("since", String.valueOf(outage.downSince()))
                .withData("journaled", outage.journaled()).build();
    }
}
