package org.cloudweb.web.error;

import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.Provider;
import org.cloudweb.ejb.error.UnauthorizedException;

/** {@link UnauthorizedException} → 401 with the bearer challenge. */
@Provider
public class UnauthorizedMapper extends ServiceExceptionMapper<UnauthorizedException> {
    public UnauthorizedMapper() {
        super(401);
    }

    @Override
    protected Response.ResponseBuilder response(UnauthorizedException exception) {
        return super.response(exception).header(HttpHeaders.WWW_AUTHENTICATE, "Bearer");
    }
}
