package org.cloudweb.web.error;

import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import java.util.List;
import java.util.Map;

/**
 * Failures raised by JAX-RS itself — no route (404), wrong method (405), unreadable or unsupported body
 * (400/415), unacceptable media type (406) — as problem answers. Headers such as {@code Allow} are kept.
 */
@Provider
public class WebApplicationExceptionMapper implements ExceptionMapper<WebApplicationException> {

    @Override
    public Response toResponse(WebApplicationException exception) {
        Response original = exception.getResponse();
        int status = original.getStatus();
        Response.ResponseBuilder answer = Problem.of(status, Problem.codeFor(status), detail(status)).toResponse();
        for (Map.Entry<String, List<Object>> header : original.getHeaders().entrySet()) {
            if (!header.getKey().equalsIgnoreCase(HttpHeaders.CONTENT_TYPE)) {
                header.getValue().forEach(value -> answer.header(header.getKey(), value));
            }
        }
        return answer.build();
    }

    private static String detail(int status) {
        return switch (status) {
            case 404 -> "There is no resource at this path";
            case 405 -> "This resource does not support the method; see the Allow header";
            case 406 -> "None of the accepted media types can be produced";
            case 415 -> "The request body has a media type this resource does not accept";
            case 400 -> "The request could not be read";
            default -> "The request failed";
        };
    }
}
