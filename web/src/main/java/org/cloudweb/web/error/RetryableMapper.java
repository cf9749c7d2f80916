package org.cloudweb.web.error;

import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import org.cloudweb.ejb.error.RetryableException;

/** Adds the {@code Retry-After} header that a retryable refusal carries. */
public abstract class RetryableMapper<E extends RetryableException> extends ServiceExceptionMapper<E> {

    protected RetryableMapper(int status) {
        super(status);
    }

    @Override
    protected Response.ResponseBuilder response(E exception) {
        return super.response(exception).header(HttpHeaders.RETRY_AFTER, exception.getRetryAfterSeconds());
    }
}
