package org.cloudweb.monitor.stats;

import java.time.Instant;
import java.util.List;

/**
 * Series of one kind over [from, to): one per device ({@code "total"} for the sum over all devices, or the
 * only one of per-host kinds). Each point is {@code [time (UNIX seconds), seq, value…]} in {@code columns}'
 * order; {@code truncated} says the point limit cut the range short.
 */
public record StatSeries(int host, String kind, Instant from, Instant to, List<String> columns,
                         List<Series> series, boolean truncated) {

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
