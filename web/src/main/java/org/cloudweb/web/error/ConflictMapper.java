package org.cloudweb.web.error;

import jakarta.ws.rs.ext.Provider;
import org.cloudweb.ejb.error.ConflictException;

/** {@link ConflictException} → 409. */
@Provider
public class ConflictMapper extends ServiceExceptionMapper<ConflictException> {
    public ConflictMapper() {
        super(409);
    }
}
