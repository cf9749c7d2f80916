package org.cloudweb.web.error;

import jakarta.ws.rs.ext.Provider;
import org.cloudweb.ejb.error.QuotaExceededException;

/** {@link QuotaExceededException} → 413. */
@Provider
public class QuotaExceededMapper extends ServiceExceptionMapper<QuotaExceededException> {
    public QuotaExceededMapper() {
        super(413);
    }
}
