package org.cloudweb.web.security;

import jakarta.ejb.EJBAccessException;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import org.cloudweb.web.error.Problem;

/** A role check of a service failed: 401 with the bearer challenge if nobody signed in, 403 otherwise. */
@Provider
public class EJBAccessExceptionMapper implements ExceptionMapper<EJBAccessException> {

    @Context
    SecurityContext security;

    @Override
    public Response toResponse(EJBAccessException exception) {
        if (security.getUserPrincipal() == null) {
            return Problem.of(401, "unauthorized", "Sign in first").toResponse()
                    .header(HttpHeaders.WWW_AUTHENTICATE, "Bearer").build();
        }
        return Problem.of(403, "forbidden", "This needs an administrator").toResponse().build();
    }
}
