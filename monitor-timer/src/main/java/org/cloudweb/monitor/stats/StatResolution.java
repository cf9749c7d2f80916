package org.cloudweb.monitor.stats;

import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;

/**
 * Where a series request is answered from, and in what steps: every raw sample, raw samples combined into
 * buckets, five-minute rollups combined into buckets, or hourly rollups combined into buckets. The source follows
 * the step: a whole number of hours comes from the hourly rollups, a multiple of 5 minutes under an hour from the
 * five-minute rollups (with the raw samples of the newest minutes, not rolled up yet), a shorter step of a chart
 * from raw samples. A {@code step} of an hour or more, or a range longer than {@link #RAW_RANGE} (2 days), is
 * served from the hourly rollups (default step one hour). Otherwise, without a {@code step}, a range of at most
 * {@link #EVERY_SAMPLE_RANGE} (2 hours) answers every raw sample, a longer one buckets of the smallest of
 * {@link #CHART_STEPS} that keeps the chart at most {@link #CHART_POINTS} points (5 minutes for a day); a
 * {@code step} under an hour gives buckets of that step if it is a multiple of 5 minutes, and every raw sample
 * otherwise.
 *
 * @param stepSeconds the bucket width; 0 for every raw sample
 * @param source      what the points are made of
 */
public record StatResolution(long stepSeconds, Source source) {

    public static final Duration RAW_RANGE = Duration.ofDays(2);
    /** Without a step, ranges up to this long answer every raw sample. */
    public static final Duration EVERY_SAMPLE_RANGE = Duration.ofHours(2);
    /** Without a step, what a longer range is cut into at most. */
    public static final int CHART_POINTS = 300;
    /** The steps, in seconds, of charts of ranges up to {@link #RAW_RANGE} without a step. */
    static final List<Long> CHART_STEPS = List.of(30L, 60L, 120L, 300L, 600L, 900L, 1200L, 1800L);
    static final long FIVE_MINUTES = 300;
    static final long HOUR = 3600;
    static final Duration MAX_STEP = Duration.ofDays(366);
    static final StatResolution RAW = new StatResolution(0, Source.RAW);

    /** What the points of a series are made of, by its name in the API. */
    public enum Source {
        /** Raw samples: each a point, or combined into buckets when read. */
        RAW("raw"),
        /** Five-minute rollups combined into buckets, with the raw samples of the minutes not rolled up yet. */
        FIVE_MINUTES("5min"),
        /** Hourly rollups combined into buckets. */
        HOURLY("hourly");

        private final String apiName;

        Source(String apiName) {
            this.apiName = apiName;
        }

        public String apiName() {
            return apiName;
        }
    }

    /** Buckets of {@code stepSeconds} from the coarsest source that has them. */
    static StatResolution buckets(long stepSeconds) {
        return new StatResolution(stepSeconds, stepSeconds % HOUR == 0 ? Source.HOURLY
                : stepSeconds % FIVE_MINUTES == 0 ? Source.FIVE_MINUTES : Source.RAW);
    }

    /** Whether each raw sample is a point (no step). */
    public boolean everySample() {
        return stepSeconds == 0;
    }

    /**
     * @param step ISO-8601 duration ({@code PT1H}, {@code P1D}) or whole seconds ({@code 3600}); null or blank
     *             for none
     * @return the step, or null for none
     * @throws IllegalArgumentException saying what a step must be
     */
    public static Duration parseStep(String step) {
        if (step == null || step.isBlank()) {
            return null;
        }
        Duration parsed;
        try {
            parsed = step.chars().allMatch(Character::isDigit) && step.length() <= 9
                    ? Duration.ofSeconds(Long.parseLong(step)) : Duration.parse(step);
        } catch (DateTimeParseException | NumberFormatException e) {
            parsed = null;
        }
        if (parsed == null || parsed.isNegative() || parsed.isZero() || parsed.getNano() != 0
                || parsed.compareTo(MAX_STEP) > 0) {
            throw new IllegalArgumentException("step must be a positive ISO-8601 duration such as PT1H or P1D,"
                    + " or a number of seconds, of at most P366D");
        }
        return parsed;
    }

    /**
     * @param step the parsed step, or null
     * @throws IllegalArgumentException for a step the chosen source cannot give
     */
    public static StatResolution choose(Duration step, Instant from, Instant to) {
        Duration range = Duration.between(from, to);
        boolean longRange = range.compareTo(RAW_RANGE) > 0;
        if (step == null) {
            if (longRange) {
                return buckets(HOUR);
            }
            if (range.compareTo(EVERY_SAMPLE_RANGE) <= 0) {
                return RAW;
            }
            long wanted = (range.getSeconds() + CHART_POINTS - 1) / CHART_POINTS;
            return buckets(CHART_STEPS.stream().filter(s -> s >= wanted).findFirst().orElse(HOUR));
        }
        long seconds = step.getSeconds();
        if (seconds < HOUR) {
            if (longRange) {
                throw new IllegalArgumentException("ranges longer than 2 days come from hourly rollups:"
                        + " step must be at least PT1H");
            }
            return seconds % FIVE_MINUTES == 0 ? buckets(seconds) : RAW;
        }
        if (seconds % HOUR != 0) {
            throw new IllegalArgumentException("a step of an hour or more must be a whole number of hours");
        }
        return buckets(seconds);
    }
}
