package org.cloudweb.monitor.stats;

import java.time.Instant;
import java.util.List;

/**
 * Series of one kind over [from, to): one per device ({@code "total"} for the sum over all devices, or the
 * only one of per-host kinds). Every raw sample ({@code source "raw"}, {@code step} null) is a point
 * {@code [time (UNIX seconds), seq, value…]}; buckets ({@code step} in seconds, of raw samples with
 * {@code source "raw"}, of five-minute rollups and the newest raw samples with {@code source "5min"}, or of hourly
 * rollups with {@code source "hourly"}) are points {@code [bucket start, samples, min, avg, max of each value…]}.
 * Values are in {@code columns}' order; {@code truncated} says the point limit cut the range short. Points are
 * plain arrays: a chart holds hundreds or thousands of them, and a list of boxed numbers each cost more to build
 * and to serialise.
 */
public record StatSeries(int host, String kind, Instant from, Instant to, String source, Long step,
                         List<String> columns, List<Series> series, boolean truncated) {

    public StatSeries {
        columns = List.copyOf(columns);
        series = List.copyOf(series);
    }

    public record Series(String device, List<long[]> points) {
        public Series {
            points = List.copyOf(points);
        }
    }
}
