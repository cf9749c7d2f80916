package org.cloudweb.monitor.load;

import jakarta.enterprise.context.ApplicationScoped;

/**
 * The requests this node is serving right now, counted by the web tier's request filter, and their average
 * number over time: the integral of the count since the last {@link #average()} divided by the time elapsed
 * (Little's law: arrival rate times time in the system). The monitor takes the average once per tick, so a
 * burst between two ticks counts as much as it lasted, and a request that is still running counts in full.
 * <p>
 * One monitor of two synchronized longs: a request pays two uncontended lock acquisitions, no allocation.
 */
@ApplicationScoped
public class InFlightRequests {

    private int current;
    private long lastChangeNanos = System.nanoTime();
    private long integral; // requests × nanoseconds since the period started
    private long periodStartNanos = lastChangeNanos;

    /** A request started. */
    public void started() {
        change(1);
    }

    /** A request ended (whatever its outcome); call exactly once per {@link #started()}. */
    public void ended() {
        change(-1);
    }

    /** How many requests are in progress now. */
    public synchronized int current() {
        return current;
    }

    /** The average number of requests in progress since the previous call (or since start), then a new period. */
    public synchronized double average() {
        long now = System.nanoTime();
        accumulate(now);
        long elapsed = now - periodStartNanos;
        double average = elapsed <= 0 ? current : (double) integral / elapsed;
        integral = 0;
        periodStartNanos = now;
        return average;
    }

    private synchronized void change(int delta) {
        accumulate(System.nanoTime());
        current += delta;
    }

    private void accumulate(long now) {
        integral += current * (now - lastChangeNanos);
        lastChangeNanos = now;
    }
}
