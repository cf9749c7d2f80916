package org.cloudweb.web.error;

import jakarta.ws.rs.ext.Provider;
import org.cloudweb.ejb.error.ForbiddenException;

/** {@link ForbiddenException} → 403. */
@Provider
public class ForbiddenMapper extends ServiceExceptionMapper<ForbiddenException> {
    public ForbiddenMapper() {
        super(403);
    }
}
