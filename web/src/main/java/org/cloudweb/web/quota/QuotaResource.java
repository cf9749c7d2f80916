package org.cloudweb.web.quota;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.cloudweb.ejb.quota.QuotaService;

/** A user's quota: read by the user or an administrator, set by administrators. */
@Path("users/{id:[0-9]{1,18}}/quota")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class QuotaResource {

    @Inject
    QuotaService quotas;

    @GET
    public QuotaView get(@PathParam("id") long id) {
        return QuotaView.of(quotas.get(id));
    }

    @PUT
    public QuotaView set(@PathParam("id") long id, @NotNull @Valid QuotaRequest request) {
        return QuotaView.of(quotas.set(id, request.maxBytes(), request.maxObjects()));
    }
}
