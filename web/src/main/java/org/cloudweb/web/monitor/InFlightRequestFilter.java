package org.cloudweb.web.monitor;

import jakarta.inject.Inject;
import jakarta.servlet.AsyncEvent;
import jakarta.servlet.AsyncListener;
import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.annotation.WebFilter;
import java.io.IOException;
import java.util.concurrent.atomic.AtomicBoolean;
import org.cloudweb.monitor.load.InFlightRequests;

/**
 * Counts the requests this node is serving, for the load ranking. A servlet filter rather than a JAX-RS one:
 * JAX-RS response filters run before a streamed body is written, so a long download would stop counting at its
 * first byte; around the servlet chain a request counts until the application has written its last byte (or
 * read the last byte of an upload), whatever it answered or threw. A request that went asynchronous counts
 * until it completes, fails or times out.
 */
@WebFilter(filterName = "in-flight-requests", urlPatterns = "/*", asyncSupported = true)
public class InFlightRequestFilter implements Filter {

    @Inject
    InFlightRequests requests;

    @Override
    public void doFilter(ServletRequest request, ServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        requests.started();
        AtomicBoolean ended = new AtomicBoolean();
        try {
            chain.doFilter(request, response);
        } finally {
            if (!request.isAsyncStarted() || !listen(request, ended)) {
                end(ended);
            }
        }
    }

    private boolean listen(ServletRequest request, AtomicBoolean ended) {
        try {
            request.getAsyncContext().addListener(new Ending(ended));
            return true;
        } catch (IllegalStateException completedMeanwhile) {
            return false;
        }
    }

    private void end(AtomicBoolean ended) {
        if (ended.compareAndSet(false, true)) {
            requests.ended();
        }
    }

    /** Ends the count of an asynchronous request once, however it finishes. */
    private final class Ending implements AsyncListener {

        private final AtomicBoolean ended;

        Ending(AtomicBoolean ended) {
            this.ended = ended;
        }

        @Override
        public void onComplete(AsyncEvent event) {
            end(ended);
        }

        @Override
        public void onTimeout(AsyncEvent event) {
            end(ended);
        }

        @Override
        public void onError(AsyncEvent event) {
            end(ended);
        }

        @Override
        public void onStartAsync(AsyncEvent event) {
            // the same request, still in progress
        }
    }
}
