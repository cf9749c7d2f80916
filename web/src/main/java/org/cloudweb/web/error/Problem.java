package org.cloudweb.web.error;

import jakarta.json.bind.annotation.JsonbPropertyOrder;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;

/**
 * The body of every error answer (RFC 9457). {@code code} is the stable, machine-readable error code;
 * {@code errors} lists the offending fields of a request that failed validation.
 */
@JsonbPropertyOrder({"type", "title", "status", "detail", "code", "errors"})
public record Problem(String type, String title, int status, String detail, String code, List<FieldError> errors) {

    public static final String MEDIA_TYPE = "application/problem+json";
    public static final MediaType MEDIA_TYPE_JSON = MediaType.valueOf(MEDIA_TYPE);

    /** One invalid field of a request. */
    public record FieldError(String field, String message) {
    }

    public static Problem of(int status, String code, String detail) {
        return new Problem("urn:cloudweb:problem:" + code, title(status), status, detail, code, null);
    }

    public Problem withErrors(List<FieldError> fieldErrors) {
        return new Problem(type, title, status, detail, code, List.copyOf(fieldErrors));
    }

    /** A response builder with this problem as its body, for mappers to add headers to. */
    public Response.ResponseBuilder toResponse() {
        return Response.status(status).type(MEDIA_TYPE_JSON).entity(this);
    }

    /** The stable code for an HTTP status raised by the platform rather than by a service. */
    public static String codeFor(int status) {
        return switch (status) {
            case 400 -> "bad_request";
            case 401 -> "unauthorized";
            case 403 -> "forbidden";
            case 404 -> "not_found";
            case 405 -> "method_not_allowed";
            case 406 -> "not_acceptable";
            case 409 -> "conflict";
            case 412 -> "precondition_failed";
            case 413 -> "payload_too_large";
            case 415 -> "unsupported_media_type";
            case 416 -> "range_not_satisfiable";
            case 429 -> "too_many_requests";
            case 503 -> "service_unavailable";
            default -> status >= 500 ? "internal_error" : "bad_request";
        };
    }

    private static String title(int status) {
        if (status == 422) {
            return "Unprocessable Content"; // not among JAX-RS's Response.Status constants
        }
        Response.Status known = Response.Status.fromStatusCode(status);
        return known != null ? known.getReasonPhrase() : "HTTP " + status;
    }
}
