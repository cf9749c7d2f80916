package org.cloudweb.monitor.rollup;

/** Five-minute arithmetic on UNIX seconds: five minutes are the second they start at, a multiple of 300. */
public final class FiveMinutes {

    public static final long SECONDS = 300;
    /**
     * How long after their end five minutes are left alone before they are rolled up: the tick that sampled in
     * their last second may still be writing its rows.
     */
    public static final long SETTLE_SECONDS = 30;

    private FiveMinutes() {
    }

    /** The start of the five minutes holding {@code epochSecond}. */
    public static long of(long epochSecond) {
        return Buckets.start(epochSecond, SECONDS);
    }

    /**
     * The five-minute buckets one run rolls up: from the one holding the first raw sample not yet rolled up to the
     * last one that ended at least {@link #SETTLE_SECONDS} before {@code now}, at most {@code max} of them.
     *
     * @param firstUnrolled time of the first raw sample after the last rolled-up bucket, or null if there is none
     * @return {@code [first bucket, end bucket (exclusive)]}, empty when there is nothing to do
     */
    public static long[] pending(Long firstUnrolled, long now, int max) {
        return Buckets.pending(firstUnrolled, now, SECONDS, SETTLE_SECONDS, max);
    }
}
