package org.cloudweb.web.storage;

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
import org.cloudweb.ejb.storage.StoragePath;
import org.cloudweb.ejb.storage.StorageService;
import org.cloudweb.ejb.storage.WriteResult;

/**
 * {@code POST /ops/move}: rename or move a file or directory, whatever its size, in constant time.
 * {@code POST /ops/copy}: copy one, breadth-first, sharing bytes where the filesystem allows.
 */
@Path("ops")
@RequestScoped
@Consumes(MediaType.APPLICATION_JSON)
@Produces(MediaType.APPLICATION_JSON)
public class OperationsResource {

    @Inject
    StorageService storage;

    @Context
    UriInfo uri;

    @POST
    @Path("move")
    public Response move(@NotNull @Valid MoveRequest move) {
        WriteResult result = storage.move(StoragePath.parse(move.from()), StoragePath.parse(move.to()),
                move.overwrite());
        return Response.status(result.created() ? 201 : 200).build();
    }

    /** 201 when the copy is done; 202 with the job's location when it runs in the background. */
    @POST
    @Path("copy")
    public Response copy(@NotNull @Valid MoveRequest copy) {
        StorageService.CopyResult result = storage.copy(StoragePath.parse(copy.from()), StoragePath.parse(copy.to()),
                copy.overwrite());
        if (result.done()) {
            return Response.status(201).entity(Map.of("objects", result.usage().objects(),
                    "bytes", result.usage().bytes())).build();
        }
        return Response.accepted(Map.of("job", result.jobId(), "total", result.usage().objects()))
                .location(uri.getBaseUriBuilder().path("jobs").path(String.valueOf(result.jobId())).build()).build();
    }
}
