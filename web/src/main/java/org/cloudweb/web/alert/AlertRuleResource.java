package org.cloudweb.web.alert;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.List;
import org.cloudweb.monitor.alert.AlertRuleService;
import org.cloudweb.monitor.alert.Rule;

/** {@code /alerts/rules}: list, create, read, replace and delete alert rules. */
@Path("alerts/rules")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class AlertRuleResource {

    @Inject
    AlertRuleService rules;

    @Context
    UriInfo uri;

    @GET
    public List<AlertRuleView> list() {
        return rules.list().stream().map(AlertRuleView::of).toList();
    }

    @POST
    public Response create(@NotNull @Valid AlertRuleRequest request) {
        Rule rule = rules.create(request.toDefinition());
        return Response.created(uri.getAbsolutePathBuilder().path(String.valueOf(rule.id())).build())
                .entity(AlertRuleView.of(rule)).build();
    }

    @GET
    @Path("{id:[0-9]{1,18}}")
    public AlertRuleView get(@PathParam("id") long id) {
        return AlertRuleView.of(rules.get(id));
    }

    @PUT
    @Path("{id:[0-9]{1,18}}")
    public AlertRuleView replace(@PathParam("id") long id, @NotNull @Valid AlertRuleRequest request) {
        return AlertRuleView.of(rules.update(id, request.toDefinition()));
    }

    @DELETE
    @Path("{id:[0-9]{1,18}}")
    public Response delete(@PathParam("id") long id) {
        rules.delete(id);
        return Response.noContent().build();
    }
}
