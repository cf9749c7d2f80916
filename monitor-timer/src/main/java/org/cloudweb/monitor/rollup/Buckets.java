package org.cloudweb.monitor.rollup;

/** Fixed-length buckets of UNIX seconds (UTC): a bucket is the second it starts at, a multiple of its length. */
final class Buckets {

    private Buckets() {
    }

    /** The start of the bucket of {@code seconds} holding {@code epochSecond}. */
    static long start(long epochSecond, long seconds) {
        return Math.floorDiv(epochSecond, seconds) * seconds;
    }

    /**
     * The buckets one run rolls up: from the one holding the first raw sample not yet rolled up to the last one
     * that ended at least {@code settleSeconds} before {@code now}, at most {@code max} of them.
     *
     * @param firstUnrolled time of the first raw sample after the last rolled-up bucket, or null if there is none
     * @return {@code [first bucket, end bucket (exclusive)]}, empty when there is nothing to do
     */
    static long[] pending(Long firstUnrolled, long now, long seconds, long settleSeconds, int max) {
        if (firstUnrolled == null) {
            return new long[0];
        }
        long first = start(firstUnrolled, seconds);
        long end = Math.min(start(now - settleSeconds, seconds), first + max * seconds);
        return first < end ? new long[] {first, end} : new long[0];
    }
}
