package org.cloudweb.monitor.load;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Instant;
import org.cloudweb.monitor.stats.Sample;
import org.cloudweb.monitor.stats.TickStatement;

/**
 * At each tick, the load that ranks this node's host: CPU busy and memory used from the tick's sample, and the
 * average number of requests in progress since the previous tick. The monitor writes it with the tick's rows, in
 * their transaction ({@link LoadStore}): one upsert, the only work this feature adds to the tick.
 */
@ApplicationScoped
public class LoadRecorder {

    @Inject
    InFlightRequests requests;

    /**
     * The statement that stores the load of a tick, or null when the sample has none yet (the first tick after
     * start has no CPU share). Call it at every tick, so that each average covers exactly one interval.
     */
    public TickStatement load(int hostId, Sample sample) {
        double inFlight = requests.average();
        if (sample.cpu() == null) {
            return null;
        }
        int cpu = sample.cpu().busy();
        int memory = memoryUsedPerMille(sample.memory());
        int inFlightCenti = (int) Math.min(Integer.MAX_VALUE, Math.round(inFlight * 100));
        int threads = Runtime.getRuntime().availableProcessors();
        Instant at = Instant.ofEpochSecond(sample.epochSecond());
        return c -> LoadStore.write(c, hostId, at, cpu, memory, inFlightCenti, threads);
    }

    static int memoryUsedPerMille(Sample.Memory memory) {
        if (memory.totalKib() <= 0) {
            return 0;
        }
        long used = Math.max(0, memory.totalKib() - memory.availableKib());
        return (int) Math.min(1000, Math.round(used * 1000.0 / memory.totalKib()));
    }
}
