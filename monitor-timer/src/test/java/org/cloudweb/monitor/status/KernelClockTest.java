package org.cloudweb.monitor.status;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import org.junit.jupiter.api.Test;

class KernelClockTest {

    @Test
    void aSynchronisedClockReportsItsOffsetAndErrorBoundsInMicroseconds() {
        ClockState state = KernelClock.decode(0, timex(0x0001, -1_234, 50_000, 700));

        assertEquals(Boolean.TRUE, state.synchronised());
        assertEquals(-1_234, state.offsetMicros());
        assertEquals(50_000, state.maxErrorMicros());
        assertEquals(700, state.estErrorMicros());
        assertEquals("synchronised", state.detail());
    }

    @Test
    void theOffsetIsInNanosecondsWhenTheStatusSaysSo() {
        ClockState state = KernelClock.decode(0, timex(KernelClock.STA_NANO, 2_500_000, 1, 1));

        assertEquals(2_500, state.offsetMicros());
    }

    @Test
    void unsyncInTheStatusOrTimeErrorAsTheClockStateMeanNotSynchronised() {
        // what an unsynchronised Linux answers: TIME_ERROR, STA_UNSYNC, 16 s error bounds
        ClockState unsync = KernelClock.decode(KernelClock.TIME_ERROR, timex(KernelClock.STA_UNSYNC, 0, 16_000_000,
                16_000_000));
        assertEquals(Boolean.FALSE, unsync.synchronised());
        assertTrue(unsync.detail().startsWith("not synchronised"), unsync.detail());

        assertEquals(Boolean.FALSE, KernelClock.decode(0, timex(KernelClock.STA_UNSYNC, 0, 0, 0)).synchronised());
        assertEquals(Boolean.FALSE, KernelClock.decode(KernelClock.TIME_ERROR, timex(0, 0, 0, 0)).synchronised());
        assertEquals(Boolean.TRUE, KernelClock.decode(1, timex(0, 0, 0, 0)).synchronised(), "TIME_INS: a leap second"
                + " is announced, the clock is fine");
    }

    @Test
    void thisMachinesClockIsReadOrUnknownButNeverAFailure() {
        ClockState state = new KernelClock().read();

        assertNotNull(state.detail());
        if (state.synchronised() == null) {
            assertTrue(state.detail().startsWith("unknown"), state.detail());
            assertNull(state.maxErrorMicros());
        } else {
            assertNotNull(state.maxErrorMicros(), "the kernel always reports an error bound");
            assertFalse(state.maxErrorMicros() < 0, state.toString());
        }
    }

    /** A struct timex as 64-bit Linux lays it out, with the fields the decoder reads. */
    private static ByteBuffer timex(int status, long offset, long maxError, long estError) {
        ByteBuffer timex = ByteBuffer.allocate(KernelClock.TIMEX_SIZE).order(ByteOrder.nativeOrder());
        timex.putLong(KernelClock.OFFSET, offset);
        timex.putLong(16, 123_456); // freq: not read
        timex.putLong(KernelClock.MAX_ERROR, maxError);
        timex.putLong(KernelClock.EST_ERROR, estError);
        timex.putInt(KernelClock.STATUS, status);
        return timex;
    }
}
