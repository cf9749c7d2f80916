package org.cloudweb.monitor.stats;

import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;

/**
 * Where a series request is answered from: raw samples, or hourly rollups combined into buckets of
 * {@code stepSeconds}. The rule: a {@code step} of an hour or more, or a range longer than
 * {@link #RAW_RANGE} (2 days), is served from the rollups (default step one hour); otherwise raw samples.
 *
 * @param stepSeconds the bucket width, a multiple of an hour; 0 for raw samples
 */
public record StatResolution(long stepSeconds) {

    public static final Duration RAW_RANGE = Duration.ofDays(2);
    static final long HOUR = 3600;
    static final Duration MAX_STEP = Duration.ofDays(366);
    static final StatResolution RAW = new StatResolution(0);

    public boolean raw() {
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
        boolean longRange = Duration.between(from, to).compareTo(RAW_RANGE) > 0;
        if (step == null) {
            return longRange ? new StatResolution(HOUR) : RAW;
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
