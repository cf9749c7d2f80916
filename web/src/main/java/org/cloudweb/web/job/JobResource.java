package org.cloudweb.web.job;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.cloudweb.ejb.job.JobService;

/** {@code GET /jobs/{id}}: state, progress (done of total) and result of a job. */
@Path("jobs")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class JobResource {

    @Inject
    JobService jobs;

    @GET
    @Path("{id:[0-9]{1,18}}")
    public JobView get(@PathParam("id") long id) {
        return JobView.of(jobs.get(id));
    }
}
