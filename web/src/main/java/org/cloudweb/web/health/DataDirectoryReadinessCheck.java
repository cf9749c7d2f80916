package org.cloudweb.web.health;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.cloudweb.ejb.data.DataDirectory;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/** Ready only while a file can be written in the data directory. */
@Readiness
@ApplicationScoped
public class DataDirectoryReadinessCheck implements HealthCheck {

    @Inject
    DataDirectory dataDirectory;

    @Override
    public HealthCheckResponse call() {
        return HealthCheckResponse.named("data-directory").status(dataDirectory.isWritable()).build();
    }
}
