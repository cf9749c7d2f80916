package org.cloudweb.web.error;

import jakarta.inject.Inject;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import java.util.UUID;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.cloudweb.ejb.error.ServiceUnavailableException;
import org.cloudweb.ejb.outage.DatabaseOutage;

/**
 * Anything else is a bug or an outage. A database that does not answer is an outage: 503
 * {@code service_unavailable} with {@code Retry-After} (and the node switches to serving files without it).
 * Otherwise 500 {@code internal_error}: the client gets an incident id only; the log gets the same id with the
 * full exception.
 */
@Provider
public class UnexpectedExceptionMapper implements ExceptionMapper<Throwable> {

    private static final Logger LOG = Logger.getLogger(UnexpectedExceptionMapper.class.getName());

    @Inject
    DatabaseOutage outage;

    @Override
    public Response toResponse(Throwable exception) {
        return internalError(exception, outage);
    }

    static Response internalError(Throwable exception, DatabaseOutage outage) {
        if (outage.failed(exception)) {
            LOG.log(Level.FINE, "Refused: the database is unreachable", exception);
            ServiceUnavailableException refusal = DatabaseOutage.unavailable();
            return Problem.of(503, refusal.getCode(), refusal.getMessage()).toResponse()
                    .header(HttpHeaders.RETRY_AFTER, refusal.getRetryAfterSeconds()).build();
        }
        String incident = UUID.randomUUID().toString();
        LOG.log(Level.SEVERE, "Unexpected failure, incident " + incident, exception);
        return Problem.of(500, "internal_error", "An unexpected error occurred (incident " + incident + ")")
                .toResponse()
                .build();
    }
}
