package org.cloudweb.web.error;

import jakarta.ws.rs.ext.Provider;
import org.cloudweb.ejb.error.TooManyRequestsException;

/** {@link TooManyRequestsException} → 429 with {@code Retry-After}. */
@Provider
public class TooManyRequestsMapper extends RetryableMapper<TooManyRequestsException> {
    public TooManyRequestsMapper() {
        super(429);
    }
}
