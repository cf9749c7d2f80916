package org.cloudweb.monitor.load;

/**
 * How loaded a host is, from 0 (idle) to 100: {@code 0.4 × CPU busy % + 0.2 × memory used %
 * + 0.4 × request %}, where request % is the average number of requests in progress per CPU thread, as a
 * percentage capped at 100 (one request per thread counts as fully busy). CPU and requests weigh most because
 * they are what a new request competes for; memory in use (without caches) counts less, as it mostly shows
 * what the host holds rather than how busy it is.
 */
public final class LoadScore {

    static final double CPU_WEIGHT = 0.4;
    static final double MEMORY_WEIGHT = 0.2;
    static final double REQUEST_WEIGHT = 0.4;

    private LoadScore() {
    }

    /** The requests in progress per CPU thread, in percent, capped at 100. */
    public static double requestPercent(double inFlight, int cpuThreads) {
        return Math.min(100, 100 * Math.max(0, inFlight) / Math.max(1, cpuThreads));
    }

    public static double of(double cpuPercent, double memoryPercent, double inFlight, int cpuThreads) {
        return CPU_WEIGHT * cpuPercent + MEMORY_WEIGHT * memoryPercent
                + REQUEST_WEIGHT * requestPercent(inFlight, cpuThreads);
    }
}
