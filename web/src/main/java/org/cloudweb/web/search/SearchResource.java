package org.cloudweb.web.search;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.UriInfo;
import java.util.Locale;
import org.cloudweb.ejb.error.BadRequestException;
import org.cloudweb.ejb.search.SearchMode;
import org.cloudweb.ejb.search.SearchService;
import org.cloudweb.ejb.storage.StoragePath;
import org.cloudweb.persistence.storage.StorageObjectType;
import org.cloudweb.web.storage.PathSegments;

/**
 * {@code GET /search?q&mode&type&under&account&limit&cursor}. Parameters are read as text and checked here, so
 * that a malformed one answers 400 with a problem rather than JAX-RS's 404 for unconvertible parameters.
 * {@code under} is a path like those of {@code /fs}: {@code /account/container/dir}, each name percent-encoded.
 */
@Path("search")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class SearchResource {

    static final int DEFAULT_LIMIT = 100;

    @Inject
    SearchService search;

    @Context
    UriInfo uri;

    @GET
    public SearchResultView search(@QueryParam("q") String query, @QueryParam("mode") String mode,
                                   @QueryParam("type") String type,                                    @QueryParam("account") String account, @QueryParam("limit") String limit,
                                   @QueryParam("cursor") String cursor) {
        return SearchResultView.of(search.search(query, mode(mode), type(type), account, under(), limit(limit),
                cursor));
    }

    private static SearchMode mode(String mode) {
        if (mode == null) {
            return SearchMode.PREFIX;
        }
        return switch (mode) {
            case "prefix" -> SearchMode.PREFIX;
            case "substring" -> SearchMode.SUBSTRING;
            case "exact" -> SearchMode.EXACT;
            default -> throw new BadRequestException("mode is prefix, substring or exact");
        };
    }

    private static StorageObjectType type(String type) {
        if (type == null) {
            return null;
        }
        return switch (type) {
            case "account", "container", "dir", "file" -> StorageObjectType.valueOf(type.toUpperCase(Locale.ROOT));
            default -> throw new BadRequestException("type is account, container, dir or file");
        };
    }

    /**
     * {@code under} as sent: JAX-RS gives query parameters decoded (or, with {@code @Encoded}, re-encoded), but
     * a name may hold an encoded character that must not split it. The separator may come as {@code /} or, from
     * a client that encoded the whole value, as {@code %2F} (never part of a name, which cannot hold a slash).
     */
    private StoragePath under() {
        String raw = null;
        String query = uri.getRequestUri().getRawQuery();
        for (String parameter : query == null ? new String[0] : query.split("&")) {
            if (parameter.startsWith("under=")) {
                raw = parameter.substring("under=".length());
                break;
            }
        }
        if (raw == null) {
            return null;
        }
        String path = raw.replace("%2F", "/").replace("%2f", "/");
        if (!path.startsWith("/") || path.length() == 1) {
            throw new BadRequestException("invalid_name", "under is a path: /account/container/...");
        }
        return StoragePath.of(PathSegments.decode(path.substring(1)));
    }

    private static int limit(String limit) {
        if (limit == null) {
            return DEFAULT_LIMIT;
        }
        try {
            return Integer.parseInt(limit);
        } catch (NumberFormatException e) {
            throw new BadRequestException("limit must be a number from 1 to " + SearchService.MAX_LIMIT);
        }
    }
}
