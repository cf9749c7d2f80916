package org.cloudweb.web.error;

import jakarta.ws.rs.ext.Provider;
import org.cloudweb.ejb.error.ChecksumMismatchException;

/** {@link ChecksumMismatchException} → 422. */
@Provider
public class ChecksumMismatchMapper extends ServiceExceptionMapper<ChecksumMismatchException> {
    public ChecksumMismatchMapper() {
        super(422);
    }
}
