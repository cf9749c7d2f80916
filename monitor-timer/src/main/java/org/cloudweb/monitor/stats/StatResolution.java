package org.cloudweb.monitor.stats;

import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;

/**
 * Where a series request is answered from, and in what steps: every raw sample, raw samples combined into
 * buckets, or hourly rollups combined into buckets. The rule: a {@code step} of an hour or more, or a range
 * longer than {@link #RAW_RANGE} (2 days), is served from the rollups (default step one hour); otherwise from
 * the raw samples: every sample when a {@code step} under an hour is given or the range is at most
 * {@link #EVERY_SAMPLE_RANGE} (2 hours), else, without a step, buckets of the smallest of {@link #RAW_STEPS} that
 * keeps the chart at most {@link #CHART_POINTS} points (5 minutes for a day).
 *
 * @param stepSeconds the bucket width; 0 for every raw sample
 * @param rollups     whether the hourly rollups answer (the step is then a multiple of an hour)
 */
public record StatResolution(long stepSeconds, boolean rollups) {

    public static final Duration RAW_RANGE = Duration.ofDays(2);
    /** Without a step, ranges up to this long answer every raw sample. */
    public static final Duration EVERY_SAMPLE_RANGE = Duration.ofHours(2);
    /** Without a step, what a longer range of raw samples is cut into at most. */
    public static final int CHART_POINTS = 300;
    /** The steps, in seconds, of buckets of raw samples. */
    static final List<Long> RAW_STEPS = List.of(30L, 60L, 120L, 300L, 600L, 900L, 1200L, 1800L);
    static final long HOUR = 3600;
    static final Duration MAX_STEP = Duration.ofDays(366);
    static final StatResolution RAW = new StatResolution(0, false);

    /** A resolution of the hourly rollups, or of every raw sample for 0. */
    public StatResolution(long stepSeconds) {
        this(stepSeconds, stepSeconds > 0);
    }

    /** Whether the raw samples answer (every sample, or buckets of them). */
    public boolean raw() {
        return !rollups;
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
                return new StatResolution(HOUR);
            }
            if (range.compareTo(EVERY_SAMPLE_RANGE) <= 0) {
                return RAW;
            }
            long wanted = (range.getSeconds() + CHART_POINTS - 1) / CHART_POINTS;
            long chosen = RAW_STEPS.stream().filter(s -> s >= wanted).findFirst().orElse(HOUR);
            return new StatResolution(chosen, chosen >= HOUR);
        }
        long seconds = step.getSeconds();
        if (seconds < HOUR) {
            if (longRange) {
                throw new IllegalArgumentException("ranges longer than 2 days come from hourly rollups:"
                        + " step must be at least PT1H");
            }
            return RAW;
        }
        if (seconds % HOUR != 0) {
            throw new IllegalArgumentException("a step of an hour or more must be a whole number of hours");
        }
        return new StatResolution(seconds);
    }
}
