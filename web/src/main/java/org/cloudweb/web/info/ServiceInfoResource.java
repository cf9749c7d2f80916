package org.cloudweb.web.info;

import jakarta.enterprise.context.RequestScoped;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

/** {@code GET /api/v1}: the service name, the API version and where health and the API description are. */
@Path("")
@RequestScoped
public class ServiceInfoResource {

    private static final ServiceInfo INFO = new ServiceInfo("CloudWeb", "v1", "/health", "/openapi");

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    public ServiceInfo info() {
        return INFO;
    }
}
