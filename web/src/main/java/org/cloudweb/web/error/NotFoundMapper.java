package org.cloudweb.web.error;

import jakarta.ws.rs.ext.Provider;
import org.cloudweb.ejb.error.NotFoundException;

/** {@link NotFoundException} → 404. */
@Provider
public class NotFoundMapper extends ServiceExceptionMapper<NotFoundException> {
    public NotFoundMapper() {
        super(404);
    }
}
