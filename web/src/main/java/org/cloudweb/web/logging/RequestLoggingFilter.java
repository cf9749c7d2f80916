package org.cloudweb.web.logging;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;
import jakarta.ws.rs.container.PreMatching;
import jakarta.ws.rs.ext.Provider;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Logs each API request at FINE once its answer is known: {@code GET /api/v1/... -> 200 (3 ms)}. Enable with
 * the logger {@code org.cloudweb.web.logging} at FINE. Headers and bodies are never logged (they hold tokens).
 */
@Provider
@PreMatching
public class RequestLoggingFilter implements ContainerRequestFilter, ContainerResponseFilter {

    private static final Logger LOG = Logger.getLogger(RequestLoggingFilter.class.getName());
    private static final String STARTED = RequestLoggingFilter.class.getName() + ".started";

    @Override
    public void filter(ContainerRequestContext request) {
        if (LOG.isLoggable(Level.FINE)) {
            request.setProperty(STARTED, System.nanoTime());
        }
    }

    @Override
    public void filter(ContainerRequestContext request, ContainerResponseContext response) {
        if (LOG.isLoggable(Level.FINE) && request.getProperty(STARTED) instanceof Long started) {
            long millis = (System.nanoTime() - started) / 1_000_000;
            LOG.log(Level.FINE, "{0} /{1} -> {2} ({3} ms)", new Object[] {
                request.getMethod(), request.getUriInfo().getPath(), response.getStatus(), millis});
        }
    }
}
