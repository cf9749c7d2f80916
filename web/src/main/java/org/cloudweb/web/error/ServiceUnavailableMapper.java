package org.cloudweb.web.error;

import jakarta.ws.rs.ext.Provider;
import org.cloudweb.ejb.error.ServiceUnavailableException;

/** {@link ServiceUnavailableException} → 503 with {@code Retry-After}. */
@Provider
public class ServiceUnavailableMapper extends RetryableMapper<ServiceUnavailableException> {
    public ServiceUnavailableMapper() {
        super(503);
    }
}
