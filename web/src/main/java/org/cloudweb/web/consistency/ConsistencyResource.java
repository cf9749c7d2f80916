package org.cloudweb.web.consistency;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.Map;
import org.cloudweb.ejb.consistency.ConsistencyService;

/**
 * {@code POST /admin/fsck} {account?, repair}: compare the data directory with the index (and repair it).
 * {@code POST /admin/import} {account?, createUsers}: index a tree that is already on disk. Both answer 202 with
 * the job's location; its result holds the report.
 */
@Path("admin")
@RequestScoped
@Consumes(MediaType.APPLICATION_JSON)
@Produces(MediaType.APPLICATION_JSON)
public class ConsistencyResource {

    @Inject
    ConsistencyService consistency;

    @Context
    UriInfo uri;

    @POST
    @Path("fsck")
    public Response fsck(@NotNull @Valid FsckRequest request) {
        return accepted(consistency.check(blankAsAll(request.account()), request.repair()));
    }

    @POST
    @Path("import")
    public Response importTree(@NotNull @Valid ImportRequest request) {
        return accepted(consistency.importTree(blankAsAll(request.account()), request.createUsers()));
    }

    private Response accepted(long job) {
        return Response.accepted(Map.of("job", job))
                .location(uri.getBaseUriBuilder().path("jobs").path(String.valueOf(job)).build()).build();
    }

    private static String blankAsAll(String account) {
        return account == null || account.isEmpty() ? null : account;
    }
}
