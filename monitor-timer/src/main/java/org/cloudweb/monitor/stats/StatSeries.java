package org.cloudweb.monitor.stats;

import java.time.Instant;
import java.util.List;

/**
 * Series of one kind over [from, to): one per device ({@code "total"} for the sum over all devices, or the
 * only one of per-host kinds). From raw samples ({@code source "raw"}, {@code step} null) each point is
 * {@code [time (UNIX seconds), seq, value…]}; from hourly rollups ({@code source "hourly"}, {@code step} in
 * seconds) each point is {@code [bucket start, samples, min, avg, max of each value…]}. Values are in
 * {@code columns}' order; {@code truncated} says the point limit cut the range short.
 */
public record StatSeries(int host, String kind, Instant from, Instant to, String source, Long step,
                         List<String> columns, List<Series> series, boolean truncated) {

    public StatSeries {
        columns = List.copyOf(columns);
        series = List.copyOf(series);
    }

    public record Series(String device, List<List<Long>> points) {
        public Series {
            points = List.copyOf(points);
        }
    }
}
