package org.cloudweb.web.storage;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.cloudweb.ejb.storage.StoragePath;
import org.cloudweb.ejb.storage.StorageService;
import org.cloudweb.ejb.storage.WriteResult;

/** {@code POST /ops/move}: rename or move a file or directory, whatever its size, in constant time. */
@Path("ops")
@RequestScoped
@Consumes(MediaType.APPLICATION_JSON)
@Produces(MediaType.APPLICATION_JSON)
public class OperationsResource {

    @Inject
    StorageService storage;

    @POST
    @Path("move")
    public Response move(@NotNull @Valid MoveRequest move) {
        WriteResult result = storage.move(StoragePath.parse(move.from()), StoragePath.parse(move.to()),
                move.overwrite());
        return Response.status(result.created() ? 201 : 200).build();
    }
}
