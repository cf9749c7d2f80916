package org.cloudweb.monitor.rollup;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class FiveMinutesTest {

    private static final long T = Instant.parse("2026-03-01T10:05:00Z").getEpochSecond();

    @Test
    void aSecondBelongsToTheFiveMinutesItIsIn() {
        assertEquals(T, FiveMinutes.of(T));
        assertEquals(T, FiveMinutes.of(T + 299));
        assertEquals(T + 300, FiveMinutes.of(T + 300));
    }

    @Test
    void fiveMinutesArePendingOnceTheyEndedAndSettled() {
        assertArrayEquals(new long[] {T - 900, T}, FiveMinutes.pending(T - 900 + 17, T + 30, 288));
        assertArrayEquals(new long[] {T - 900, T - 300}, FiveMinutes.pending(T - 900, T + 29, 288),
                "the last tick of the five minutes before may still be writing");
        assertArrayEquals(new long[0], FiveMinutes.pending(T + 5, T + 299, 288), "the current five minutes");
        assertArrayEquals(new long[0], FiveMinutes.pending(null, T, 288), "nothing to roll up");
    }

    @Test
    void aRunCatchesUpABoundedNumberOfFiveMinutes() {
        assertArrayEquals(new long[] {T - 1000 * 300, T - 712 * 300}, FiveMinutes.pending(T - 1000 * 300, T + 60, 288));
    }
}
