package org.cloudweb.web.error;

import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import org.cloudweb.ejb.error.ServiceException;

/**
 * Turns a service exception into its problem answer. Each exception class has its own small subclass that
 * fixes the HTTP status, so the status of each error lives in exactly one place.
 */
public abstract class ServiceExceptionMapper<E extends ServiceException> implements ExceptionMapper<E> {

    private final int status;

    protected ServiceExceptionMapper(int status) {
        this.status = status;
    }

    @Override
    public Response toResponse(E exception) {
        return response(exception).build();
    }

    /** The answer for the exception; subclasses add headers. */
    protected Response.ResponseBuilder response(E exception) {
        return Problem.of(status, exception.getCode(), exception.getMessage()).toResponse();
    }
}
