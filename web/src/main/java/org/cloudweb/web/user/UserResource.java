package org.cloudweb.web.user;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.cloudweb.ejb.user.UserService;
import org.cloudweb.persistence.user.User;

/** Registration and user administration. */
@Path("users")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class UserResource {

    @Inject
    UserService users;

    @Context
    UriInfo uri;

    @POST
    public Response register(@NotNull @Valid CreateUserRequest request) {
        User user = users.register(request.toNewUser());
        return Response.created(uri.getAbsolutePathBuilder().path(String.valueOf(user.getId())).build())
                .entity(UserView.of(user)).build();
    }

    @GET
    @Path("me")
    public UserView me() {
        return UserView.of(users.me());
    }

    @GET
    public UserListView list(@QueryParam("q") String query,
                             @QueryParam("offset") @DefaultValue("0") int offset,
                             @QueryParam("limit") @DefaultValue("100") int limit) {
        return UserListView.of(users.list(query, offset, limit));
    }

    @GET
    @Path("{id:[0-9]{1,18}}")
    public UserView find(@PathParam("id") long id) {
        return UserView.of(users.find(id));
    }

    @PATCH
    @Path("{id:[0-9]{1,18}}")
    public UserView update(@PathParam("id") long id, @NotNull @Valid UpdateUserRequest request) {
        return UserView.of(users.update(id, request.toChanges()));
    }

    @DELETE
    @Path("{id:[0-9]{1,18}}")
    public Response delete(@PathParam("id") long id) {
        users.delete(id);
        return Response.noContent().build();
    }
}
