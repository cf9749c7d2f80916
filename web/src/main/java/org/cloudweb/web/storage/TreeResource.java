package org.cloudweb.web.storage;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.Encoded;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.Map;
import org.cloudweb.ejb.storage.StoragePath;
import org.cloudweb.ejb.storage.StorageService;
import org.cloudweb.ejb.storage.TreeView;

/** {@code GET /tree/{account}/{container}/{path...}?depth=N}: the nested tree below a path. */
@Path("tree")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class TreeResource {

    @Inject
    StorageService storage;

    @GET
    @Path("{path: .+}")
    public Map<String, Object> tree(@Encoded @PathParam("path") String rawPath,
                                    @QueryParam("depth") @DefaultValue("1") int depth) {
        StoragePath path = StoragePath.of(PathSegments.decode(rawPath));
        TreeView tree = storage.tree(path, depth);
        return Map.of("path", path.toString(), "nodes", tree.nodes(), "truncated", tree.truncated(),
                "tree", TreeNodeView.of(tree.root()));
    }
}
