package org.cloudweb.monitor.load;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import java.util.List;
import org.cloudweb.monitor.stats.Sample;
import org.junit.jupiter.api.Test;

class RankingServiceTest {

    private static final Instant NOW = Instant.parse("2026-01-31T12:00:00Z");

    @Test
    void theScoreWeighsCpuAndRequestsOverMemory() {
        // 0.4 × 50 + 0.2 × 40 + 0.4 × (100 × 1 / 4)
        assertEquals(38.0, LoadScore.of(50, 40, 1, 4), 1e-9);
        assertEquals(0.0, LoadScore.of(0, 0, 0, 8));
        assertEquals(100.0, LoadScore.of(100, 100, 50, 2), 1e-9, "requests beyond one per thread count as 100 %");
        assertEquals(100.0, LoadScore.requestPercent(3, 0), "no thread count: taken as one");
    }

    @Test
    void hostsAreRankedLeastLoadedFirstAndTiesByHostId() {
        RankedHost busyCpu = RankingService.ranked(1, "busy-cpu", NOW, 900, 200, 0, 4);      // 36 + 4 + 0 = 40
        RankedHost fullMemory = RankingService.ranked(2, "full-memory", NOW, 100, 900, 0, 4); // 4 + 18 + 0 = 22
        RankedHost requests = RankingService.ranked(3, "requests", NOW, 100, 200, 300, 4);    // 4 + 4 + 30 = 38
        RankedHost idle = RankingService.ranked(4, "idle", NOW, 0, 100, 0, 2);                // 0 + 2 + 0 = 2
        RankedHost idleToo = RankingService.ranked(0, "idle-too", NOW, 0, 100, 0, 8);

        List<RankedHost> ranking = RankingService.order(List.of(busyCpu, fullMemory, requests, idle, idleToo));

        assertEquals(List.of("idle-too", "idle", "full-memory", "requests", "busy-cpu"),
                ranking.stream().map(RankedHost::name).toList());
        assertEquals(List.of(2.0, 2.0, 22.0, 38.0, 40.0), ranking.stream().map(RankedHost::score).toList());
        assertEquals(3.0, requests.inFlight());
        assertEquals(10.0, requests.cpuPercent());
        assertEquals(20.0, requests.memoryPercent());
    }

    @Test
    void memoryInUseIsWhatIsNotAvailable() {
        assertEquals(250, LoadRecorder.memoryUsedPerMille(new Sample.Memory(4_000_000, 3_000_000, 0, 0)));
        assertEquals(0, LoadRecorder.memoryUsedPerMille(new Sample.Memory(0, 0, 0, 0)));
        assertEquals(0, LoadRecorder.memoryUsedPerMille(new Sample.Memory(1_000, 2_000, 0, 0)));
    }
}
