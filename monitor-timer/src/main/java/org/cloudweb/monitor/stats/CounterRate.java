package org.cloudweb.monitor.stats;

import java.util.OptionalLong;

/**
 * The per-second rate of a counter that only grows (bytes sent, sectors read), from two consecutive readings
 * and a monotonic clock. A counter that went down was reset (reboot of a device, driver reload, wrap) and gives
 * no rate, never a negative one; the next reading starts again from the new value.
 */
public final class CounterRate {

    private long last;
    private long lastNanos;
    private boolean primed;

    /**
     * Takes a reading; answers the rate since the previous one, or nothing for the first reading, after a
     * reset, or when no time has passed.
     *
     * @param value the counter now
     * @param nanos {@link System#nanoTime()} when it was read
     */
    public OptionalLong update(long value, long nanos) {
        OptionalLong rate = primed ? perSecond(last, value, nanos - lastNanos) : OptionalLong.empty();
        last = value;
        lastNanos = nanos;
        primed = true;
        return rate;
    }

    /** (current − previous) per second over {@code elapsedNanos}, rounded; empty on a reset or no elapsed time. */
    public static OptionalLong perSecond(long previous, long current, long elapsedNanos) {
        if (elapsedNanos <= 0 || current < previous || previous < 0) {
            return OptionalLong.empty();
        }
        double rate = (current - previous) * 1e9 / elapsedNanos;
        return OptionalLong.of(Math.round(rate));
    }
}
