package org.cloudweb.web.error;

import jakarta.ws.rs.ext.Provider;
import org.cloudweb.ejb.error.PreconditionFailedException;

/** {@link PreconditionFailedException} → 412. */
@Provider
public class PreconditionFailedMapper extends ServiceExceptionMapper<PreconditionFailedException> {
    public PreconditionFailedMapper() {
        super(412);
    }
}
