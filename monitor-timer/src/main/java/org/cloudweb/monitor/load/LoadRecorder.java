package org.cloudweb.monitor.load;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.cloudweb.monitor.stats.HostSampled;
import org.cloudweb.monitor.stats.Sample;

/**
 * After each tick, stores the load that ranks this node's host: CPU busy and memory used from the tick's sample,
 * and the average number of requests in progress since the previous tick. One upsert on the timer thread, the
 * only work this feature adds to the tick.
 */
@ApplicationScoped
public class LoadRecorder {

    private static final Logger LOG = Logger.getLogger(LoadRecorder.class.getName());

    @Inject
    InFlightRequests requests;

    @Inject
    LoadStore store;

    void sampled(@Observes HostSampled event) {
        // taken at every tick, so that each average covers exactly one interval
        double inFlight = requests.average();
        Sample sample = event.sample();
        if (sample.cpu() == null) {
            return; // the first tick after start has no CPU share yet
        }
        try {
            store.write(event.hostId(), Instant.ofEpochSecond(sample.epochSecond()), sample.cpu().busy(),
                    memoryUsedPerMille(sample.memory()), (int) Math.min(Integer.MAX_VALUE, Math.round(inFlight * 100)),
                    Runtime.getRuntime().availableProcessors());
        } catch (RuntimeException e) {
            // the tick itself has been stored; the next one brings the load up to date
            LOG.log(Level.WARNING, "Cannot store the load of host {0}: {1}", new Object[] {event.hostId(), e.toString()});
            LOG.log(Level.FINE, "Load store failure", e);
        }
    }

    static int memoryUsedPerMille(Sample.Memory memory) {
        if (memory.totalKib() <= 0) {
            return 0;
        }
        long used = Math.max(0, memory.totalKib() - memory.availableKib());
        return (int) Math.min(1000, Math.round(used * 1000.0 / memory.totalKib()));
    }
}
