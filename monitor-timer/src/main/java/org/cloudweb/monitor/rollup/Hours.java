package org.cloudweb.monitor.rollup;

/** Hour arithmetic on UNIX seconds (UTC hours: an hour is the second it starts at). */
public final class Hours {

    public static final long SECONDS = 3600;

    private Hours() {
    }

    /** The start of the hour holding {@code epochSecond}. */
    public static long hourOf(long epochSecond) {
        return Buckets.start(epochSecond, SECONDS);
    }

    /**
     * The hours one run rolls up: from the hour of the first raw sample not yet rolled up to the last completed
     * hour before {@code now}, at most {@code max} of them.
     *
     * @param firstUnrolled time of the first raw sample after the last rolled-up hour, or null if there is none
     * @return {@code [first hour, end hour (exclusive)]}, empty when there is nothing to do
     */
    public static long[] pending(Long firstUnrolled, long now, int max) {
        return Buckets.pending(firstUnrolled, now, SECONDS, 0, max);
    }
}
