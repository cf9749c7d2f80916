package org.cloudweb.monitor.stats;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

class CounterRateTest {

    private static final long SECOND = 1_000_000_000L;

    @Test
    void theFirstReadingHasNoRateThenRatesArePerSecondOfTheMonotonicClock() {
        CounterRate rate = new CounterRate();

        assertTrue(rate.update(1_000, 5 * SECOND).isEmpty());
        assertEquals(OptionalLong.of(500), rate.update(6_000, 15 * SECOND), "5000 bytes in 10 s");
        assertEquals(OptionalLong.of(2_000), rate.update(7_000, 15 * SECOND + SECOND / 2), "1000 bytes in 0.5 s");
    }

    @Test
    void aCounterResetGivesNoRateNeverANegativeOneAndCountingResumesFromTheNewValue() {
        CounterRate rate = new CounterRate();
        rate.update(9_000_000, 0);
        rate.update(9_001_000, 10 * SECOND);

        OptionalLong afterReset = rate.update(200, 20 * SECOND);
        OptionalLong next = rate.update(1_200, 30 * SECOND);

        assertTrue(afterReset.isEmpty(), "the interface came back with a fresh counter");
        assertEquals(OptionalLong.of(100), next);
    }

    @Test
    void noElapsedTimeGivesNoRate() {
        assertTrue(CounterRate.perSecond(10, 20, 0).isEmpty());
        assertTrue(CounterRate.perSecond(10, 20, -5).isEmpty());
        assertEquals(OptionalLong.of(0), CounterRate.perSecond(10, 10, SECOND), "an idle counter is a zero rate");
    }

    @Test
    void cpuSharesArePerMilleAndAResetGivesNone() {
        long[] before = {100, 0, 50, 800, 50, 0, 0, 0};
        long[] after = {400, 0, 150, 1300, 150, 0, 0, 0}; // user 300, system 100, idle 500, iowait 100 of 1000

        int[] shares = CpuShares.between(before, after);

        assertEquals(400, shares[0], "busy: all but idle and iowait");
        assertEquals(300, shares[1]);
        assertEquals(100, shares[2]);
        assertEquals(100, shares[3]);
        assertEquals(null, CpuShares.between(after, before));
    }
}
