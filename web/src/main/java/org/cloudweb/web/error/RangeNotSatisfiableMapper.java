package org.cloudweb.web.error;

import jakarta.ws.rs.ext.Provider;
import org.cloudweb.ejb.error.RangeNotSatisfiableException;

/** {@link RangeNotSatisfiableException} → 416. */
@Provider
public class RangeNotSatisfiableMapper extends ServiceExceptionMapper<RangeNotSatisfiableException> {
    public RangeNotSatisfiableMapper() {
        super(416);
    }
}
