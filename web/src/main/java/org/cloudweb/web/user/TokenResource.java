package org.cloudweb.web.user;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.cloudweb.ejb.user.TokenService;
import org.cloudweb.web.security.BearerAuthenticationMechanism;

/** Login ({@code POST /tokens}) and logout ({@code DELETE /tokens/current}). */
@Path("tokens")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class TokenResource {

    @Inject
    TokenService tokens;

    @Context
    HttpServletRequest request;

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    public Response login(@NotNull @Valid LoginRequest login) {
        return Response.status(Response.Status.CREATED).entity(TokenView.of(tokens.login(login.email(),
                login.password()))).build();
    }

    @DELETE
    @Path("current")
    public Response logout() {
        tokens.logout(BearerAuthenticationMechanism.bearerToken(request));
        return Response.noContent().build();
    }
}
