package org.cloudweb.web.error;

import jakarta.ws.rs.ext.Provider;
import org.cloudweb.ejb.error.BadRequestException;

/** {@link BadRequestException} → 400. */
@Provider
public class BadRequestMapper extends ServiceExceptionMapper<BadRequestException> {
    public BadRequestMapper() {
        super(400);
    }
}
