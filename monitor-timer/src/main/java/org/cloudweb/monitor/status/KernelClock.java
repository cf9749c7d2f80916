package org.cloudweb.monitor.status;

import com.sun.jna.Function;
import com.sun.jna.Memory;
import com.sun.jna.Native;
import com.sun.jna.NativeLibrary;
import com.sun.jna.Platform;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The kernel's view of the clock: {@code ntp_adjtime(2)} called read-only ({@code modes = 0}, which needs no
 * privilege) through JNA, which OSHI already brings. Its {@code struct timex} is read by offset, for the layout
 * of 64-bit Linux (glibc and musl agree: longs of 8 bytes, 208 bytes in all). Elsewhere, or when the call
 * fails (a sandbox may forbid it), the answer is {@link ClockState#unknown(String)}, never an error.
 */
final class KernelClock {

    static final int TIMEX_SIZE = 208;
    static final int OFFSET = 8;
    static final int MAX_ERROR = 24;
    static final int EST_ERROR = 32;
    static final int STATUS = 40;
    static final int TIME_ERROR = 5;
    static final int STA_UNSYNC = 0x0040;
    static final int STA_NANO = 0x2000;

    private static final Logger LOG = Logger.getLogger(KernelClock.class.getName());

    private final Function ntpAdjtime;
    private final String unavailable;

    KernelClock() {
        Function function = null;
        String reason = null;
        if (!Platform.isLinux() || !Platform.is64Bit()) {
            reason = "not available on " + System.getProperty("os.name") + " " + System.getProperty("os.arch");
        } else {
            try {
                function = NativeLibrary.getInstance(Platform.C_LIBRARY_NAME).getFunction("ntp_adjtime");
            } catch (UnsatisfiedLinkError | RuntimeException e) {
                LOG.log(Level.FINE, "ntp_adjtime not found", e);
                reason = "ntp_adjtime not available";
            }
        }
        ntpAdjtime = function;
        unavailable = reason;
    }

    /** Reads the clock state; cheap (one system call). */
    ClockState read() {
        if (ntpAdjtime == null) {
            return ClockState.unknown(unavailable);
        }
        try (Memory timex = new Memory(TIMEX_SIZE)) {
            timex.clear(); // modes = 0: read only
            int state = ntpAdjtime.invokeInt(new Object[] {timex});
            if (state < 0) {
                return ClockState.unknown("ntp_adjtime failed (errno " + Native.getLastError() + ")");
            }
            return decode(state, timex.getByteBuffer(0, TIMEX_SIZE).order(ByteOrder.nativeOrder()));
        } catch (UnsatisfiedLinkError | RuntimeException e) {
            LOG.log(Level.FINE, "ntp_adjtime failed", e);
            return ClockState.unknown("ntp_adjtime failed");
        }
    }

    /**
     * What a {@code struct timex} and the call's return value say. Synchronised unless the clock state is
     * {@code TIME_ERROR} or the status has {@code STA_UNSYNC}; the offset is in microseconds, or nanoseconds
     * with {@code STA_NANO}; the error bounds are always in microseconds.
     */
    static ClockState decode(int state, ByteBuffer timex) {
        int status = timex.getInt(STATUS);
        boolean synchronised = state != TIME_ERROR && (status & STA_UNSYNC) == 0;
        long offset = timex.getLong(OFFSET);
        long offsetMicros = (status & STA_NANO) != 0 ? offset / 1000 : offset;
        return new ClockState(synchronised, offsetMicros, timex.getLong(MAX_ERROR), timex.getLong(EST_ERROR),
                synchronised ? "synchronised" : "not synchronised (clock state " + state + ", status 0x"
                        + Integer.toHexString(status) + ")");
    }
}
