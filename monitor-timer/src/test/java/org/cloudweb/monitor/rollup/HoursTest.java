package org.cloudweb.monitor.rollup;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class HoursTest {

    private static final long H = Instant.parse("2026-03-01T10:00:00Z").getEpochSecond();

    @Test
    void aSecondBelongsToTheHourItIsIn() {
        assertEquals(H, Hours.hourOf(H));
        assertEquals(H, Hours.hourOf(H + 3599));
        assertEquals(H + 3600, Hours.hourOf(H + 3600));
    }

    @Test
    void onlyCompletedHoursArePending() {
        assertArrayEquals(new long[] {H - 3 * 3600, H}, Hours.pending(H - 3 * 3600 + 17, H + 120, 168));
        assertArrayEquals(new long[0], Hours.pending(H + 5, H + 3599, 168), "the current hour is not complete");
        assertArrayEquals(new long[0], Hours.pending(null, H, 168), "nothing to roll up");
    }

    @Test
    void aRunCatchesUpABoundedNumberOfHours() {
        assertArrayEquals(new long[] {H - 500 * 3600, H - 332 * 3600}, Hours.pending(H - 500 * 3600, H, 168));
    }
}
