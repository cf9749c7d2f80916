package org.cloudweb.web.metrics;

import jakarta.inject.Inject;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;
import jakarta.ws.rs.container.PreMatching;
import jakarta.ws.rs.ext.Provider;
import java.time.Duration;
import java.util.Set;
import org.eclipse.microprofile.metrics.Metadata;
import org.eclipse.microprofile.metrics.MetricRegistry;
import org.eclipse.microprofile.metrics.MetricUnits;
import org.eclipse.microprofile.metrics.Tag;
import org.eclipse.microprofile.metrics.annotation.RegistryScope;

/**
 * Counts and times each API request by method and status class ({@code 2xx} ...), never by path: the labels
 * stay a small fixed set however many files and users there are. Unusual methods count as {@code OTHER}.
 * <p>
 * The latency is a timer: use its {@code _seconds_sum} and {@code _seconds_count}. Payara 6.2025.10 prints the
 * timer's quantiles, {@code _mean} and {@code _max} in nanoseconds despite the {@code _seconds} name (its
 * FISH-13137, fixed in later releases).
 */
@Provider
@PreMatching
public class RequestMetricsFilter implements ContainerRequestFilter, ContainerResponseFilter {

    static final String REQUESTS = "cloudweb_http_requests";
    static final String DURATION = "cloudweb_http_request_duration";

    private static final String STARTED = RequestMetricsFilter.class.getName() + ".started";
    private static final Set<String> METHODS = Set.of("GET", "HEAD", "POST", "PUT", "DELETE", "PATCH", "OPTIONS",
            "COPY", "MOVE", "PROPFIND", "PROPPATCH", "MKCOL", "LOCK", "UNLOCK");
    private static final Metadata REQUESTS_METADATA = Metadata.builder().withName(REQUESTS)
            .withDescription("API requests answered, by method and status class").build();
    private static final Metadata DURATION_METADATA = Metadata.builder().withName(DURATION)
            .withDescription("Time to answer an API request (until the response headers), by method and status class")
            .withUnit(MetricUnits.SECONDS).build();

    @Inject
    @RegistryScope(scope = MetricRegistry.APPLICATION_SCOPE)
    MetricRegistry registry;

    @Override
    public void filter(ContainerRequestContext request) {
        request.setProperty(STARTED, System.nanoTime());
    }

    @Override
    public void filter(ContainerRequestContext request, ContainerResponseContext response) {
        String method = METHODS.contains(request.getMethod()) ? request.getMethod() : "OTHER";
        int status = response.getStatus();
        String statusClass = status >= 100 && status < 600 ? (status / 100) + "xx" : "other";
        Tag[] tags = {new Tag("method", method), new Tag("status", statusClass)};
        registry.counter(REQUESTS_METADATA, tags).inc();
        if (request.getProperty(STARTED) instanceof Long started) {
            registry.timer(DURATION_METADATA, tags).update(Duration.ofNanos(System.nanoTime() - started));
        }
    }
}
