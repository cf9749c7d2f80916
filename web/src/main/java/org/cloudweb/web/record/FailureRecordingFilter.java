package org.cloudweb.web.record;

import jakarta.inject.Inject;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;
import jakarta.ws.rs.ext.Provider;
import org.cloudweb.web.error.Problem;

/** Puts refused API calls into the audit trail, with the code of the problem they were answered. */
@Provider
public class FailureRecordingFilter implements ContainerResponseFilter {

    @Inject
    FailureRecorder recorder;

    @Override
    public void filter(ContainerRequestContext request, ContainerResponseContext response) {
        int status = response.getStatus();
        if (status >= 400) {
            String code = response.getEntity() instanceof Problem problem ? problem.code() : Problem.codeFor(status);
            recorder.refused(request.getMethod(), request.getUriInfo().getPath(),
                    "dir".equals(request.getUriInfo().getQueryParameters().getFirst("type")), status, code);
        }
    }
}
