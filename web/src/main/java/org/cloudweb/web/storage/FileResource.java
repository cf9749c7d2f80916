package org.cloudweb.web.storage;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ejb.EJB;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.Encoded;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HEAD;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.EntityTag;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Request;
import jakarta.ws.rs.core.Response;
import java.io.InputStream;
import java.util.Date;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.cloudweb.ejb.error.BadRequestException;
import org.cloudweb.ejb.error.PreconditionFailedException;
import org.cloudweb.ejb.storage.Entry;
import org.cloudweb.ejb.storage.Listing;
import org.cloudweb.ejb.storage.StoragePath;
import org.cloudweb.ejb.storage.StorageService;
import org.cloudweb.ejb.storage.Upload;
import org.cloudweb.ejb.storage.WriteResult;
import org.cloudweb.persistence.common.State;
import org.cloudweb.persistence.storage.StorageObjectType;

/**
 * {@code /fs/{account}/{container}/{path...}}: each segment percent-encoded UTF-8, decoded once here.
 * PUT makes containers and directories or stores a file, GET lists or streams, HEAD gives GET's headers,
 * PATCH changes metadata and state, DELETE removes.
 */
@Path("fs")
// one instance: a request-scoped one cost a bean and an EJB proxy per request; the @Context fields are proxies
@ApplicationScoped
public class FileResource {

    static final String META_PREFIX = "x-meta-";

    // @EJB, not @Inject: through a CDI proxy every call costs an exception inside Payara's EJB integration
    @EJB
    StorageService storage;

    @Context
    HttpHeaders headers;

    @Context
    Request request;

    @PUT
    @Path("{path: .+}")
    @Consumes(MediaType.WILDCARD)
    public Response put(@Encoded @PathParam("path") String rawPath, @QueryParam("type") String type,
                        InputStream body) {
        StoragePath path = StoragePath.of(PathSegments.decode(rawPath));
        if (path.isContainer() || "dir".equals(type)) {
            WriteResult result = storage.makeDirectories(path);
            return Response.status(result.created() ? 201 : 200).build();
        }
        if (type != null && !"file".equals(type)) {
            throw new BadRequestException("type is 'dir' or 'file'");
        }
        WriteResult result = storage.upload(path, body, new Upload(contentLength(), etagHeader(),
                contentType(), metadataHeaders()));
        return Response.status(result.created() ? 201 : 204).tag(new EntityTag(result.etag())).build();
    }

    @GET
    @Path("{path: .*}")
    @Produces({MediaType.APPLICATION_JSON, MediaType.WILDCARD})
    public Response get(@Encoded @PathParam("path") String rawPath,
                        @QueryParam("prefix") String prefix, @QueryParam("marker") String marker,
                        @QueryParam("limit") @DefaultValue("1000") int limit) {
        StoragePath path = StoragePath.of(PathSegments.decode(rawPath));
        Listing found = storage.read(path, prefix, marker, limit);
        if (found.entries() != null) {
            return Response.ok(ListingView.of(found), MediaType.APPLICATION_JSON).build();
        }
        return Downloads.respond(found.entry(), request, headers.getHeaderString("Range"), true,
                (status, bytes) -> storage.recordDownload(found.entry(), status, bytes));
    }

    @HEAD
    @Path("{path: .*}")
    public Response head(@Encoded @PathParam("path") String rawPath) {
        Entry entry = storage.describe(StoragePath.of(PathSegments.decode(rawPath)));
        if (entry.type() != StorageObjectType.FILE) {
            return Response.ok().header("X-Object-Type", entry.type().name().toLowerCase(Locale.ROOT))
                    .lastModified(Date.from(entry.modifiedAt())).build();
        }
        return Downloads.respond(entry, request, headers.getHeaderString("Range"), false, null);
    }

    @PATCH
    @Path("{path: .+}")
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    public EntryView update(@Encoded @PathParam("path") String rawPath, @NotNull @Valid UpdateObjectRequest change) {
        State state = change.state() == null ? null : State.valueOf(change.state().toUpperCase(Locale.ROOT));
        return EntryView.of(storage.update(StoragePath.of(PathSegments.decode(rawPath)), change.metadata(), state));
    }

    @DELETE
    @Path("{path: .+}")
    public Response delete(@Encoded @PathParam("path") String rawPath,
                           @QueryParam("recursive") @DefaultValue("false") boolean recursive) {
        storage.delete(StoragePath.of(PathSegments.decode(rawPath)), recursive);
        return Response.noContent().build();
    }

    /** The MD5 the client says it sends ({@code ETag}, quoted or not), or null. */
    /**
     * The announced body length, or -1 for a chunked body. Read here because the platform's own reading
     * is an int and fails on bodies of 2 GiB and more.
     */
    private long contentLength() {
        String header = headers.getHeaderString(HttpHeaders.CONTENT_LENGTH);
        if (header == null) {
            return -1;
        }
        try {
            long length = Long.parseLong(header.strip());
            if (length >= 0) {
                return length;
            }
        } catch (NumberFormatException e) {
            // answered below
        }
        throw new BadRequestException("Content-Length must be a number of bytes");
    }

    private String etagHeader() {
        String etag = headers.getHeaderString(HttpHeaders.ETAG);
        if (etag == null) {
            return null;
        }
        String md5 = etag.strip().replace("\"", "");
        if (!md5.matches("[0-9a-fA-F]{32}")) {
            throw new BadRequestException("ETag must be the MD5 of the body in hex");
        }
        return md5.toLowerCase(Locale.ROOT);
    }

    private String contentType() {
        MediaType type = headers.getMediaType();
        return type == null ? null : type.toString();
    }

    private Map<String, String> metadataHeaders() {
        Map<String, String> metadata = new TreeMap<>();
        headers.getRequestHeaders().forEach((name, values) -> {
            if (name.toLowerCase(Locale.ROOT).startsWith(META_PREFIX) && !values.isEmpty()) {
                metadata.put(name.substring(META_PREFIX.length()).toLowerCase(Locale.ROOT), values.get(0));
            }
        });
        return metadata.isEmpty() ? null : metadata;
    }

    static void preconditionFailed() {
        throw new PreconditionFailedException("The file does not match If-Match / If-Unmodified-Since");
    }
}
