package org.cloudweb.monitor.alert;

import java.util.Arrays;
import java.util.Optional;

/**
 * How a rule compares its metric with the threshold. An alert fires while the comparison holds against the
 * threshold and clears once it no longer holds against the clear threshold, which lies on the quiet side of
 * the threshold (at or below it for {@code >} and {@code >=}, at or above it for {@code <} and {@code <=}).
 */
public enum Comparison {

    GREATER(">"), GREATER_OR_EQUAL(">="), LESS("<"), LESS_OR_EQUAL("<=");

    private final String symbol;

    Comparison(String symbol) {
        this.symbol = symbol;
    }

    public static Optional<Comparison> of(String symbol) {
        return Arrays.stream(values()).filter(c -> c.symbol.equals(symbol)).findFirst();
    }

    public String symbol() {
        return symbol;
    }

    public boolean holds(double value, double threshold) {
        return switch (this) {
            case GREATER -> value > threshold;
            case GREATER_OR_EQUAL -> value >= threshold;
            case LESS -> value < threshold;
            case LESS_OR_EQUAL -> value <= threshold;
        };
    }

    /** Whether a clear threshold lies on the quiet side of (or at) the threshold. */
    public boolean allowsClearAt(double clearThreshold, double threshold) {
        return upward() ? clearThreshold <= threshold : clearThreshold >= threshold;
    }

    /** Whether the alert is about a value going up ({@code >}, {@code >=}). */
    public boolean upward() {
        return this == GREATER || this == GREATER_OR_EQUAL;
    }
}
