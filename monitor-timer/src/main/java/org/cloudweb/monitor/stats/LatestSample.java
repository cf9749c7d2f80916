package org.cloudweb.monitor.stats;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The last sample this node's monitor took, kept in memory for readers that want "now" (the metrics endpoint)
 * without a database round trip. Empty until the first tick with rates.
 */
@ApplicationScoped
public class LatestSample {

    private final AtomicReference<Sample> latest = new AtomicReference<>();

    public void set(Sample sample) {
        latest.set(sample);
    }

    public Optional<Sample> get() {
        return Optional.ofNullable(latest.get());
    }
}
