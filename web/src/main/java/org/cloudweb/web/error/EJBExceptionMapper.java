package org.cloudweb.web.error;

import jakarta.ejb.EJBException;
import jakarta.inject.Inject;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import jakarta.ws.rs.ext.Providers;
import org.cloudweb.ejb.outage.DatabaseOutage;

/**
 * The container wraps system exceptions of an EJB call (a Bean Validation failure on a service parameter, for
 * one) in an {@link EJBException}; this answers with the mapper of the exception inside.
 */
@Provider
public class EJBExceptionMapper implements ExceptionMapper<EJBException> {

    @Context
    private Providers providers;

    @Inject
    DatabaseOutage outage;

    @Override
    @SuppressWarnings({"unchecked", "rawtypes"})
    public Response toResponse(EJBException exception) {
        Throwable cause = exception.getCause() != null ? exception.getCause() : exception.getCausedByException();
        if (cause == null || cause == exception) {
            return UnexpectedExceptionMapper.internalError(exception, outage);
        }
        ExceptionMapper mapper = providers.getExceptionMapper(cause.getClass());
        return mapper != null ? mapper.toResponse(cause) : UnexpectedExceptionMapper.internalError(cause, outage);
    }
}
