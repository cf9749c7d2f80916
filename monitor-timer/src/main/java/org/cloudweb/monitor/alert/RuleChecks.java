package org.cloudweb.monitor.alert;

import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.function.IntPredicate;
import java.util.regex.Pattern;
import org.cloudweb.ejb.error.InvalidFieldsException;

/** Checks a {@link RuleDefinition} field by field, reporting every invalid field at once. */
public final class RuleChecks {

    static final int MAX_NAME = 255;
    static final int MAX_RECIPIENTS = 10;
    static final Duration MAX_DURATION = Duration.ofDays(365);
    /** Reminders more often than this would flood the inboxes they are meant to alert. */
    static final Duration MIN_REPEAT = Duration.ofMinutes(1);
    private static final Pattern ADDRESS = Pattern.compile("[^@\\s,;<>\"]{1,64}@[A-Za-z0-9.-]{1,189}");

    private RuleChecks() {
    }

    /**
     * The rule the definition describes (id 0, no timestamps yet).
     *
     * @param hostExists whether a host id names a host
     * @throws InvalidFieldsException naming each invalid field
     */
    public static Rule check(RuleDefinition definition, IntPredicate hostExists) {
        List<InvalidFieldsException.Field> errors = new ArrayList<>();
        String name = definition.name();
        if (name == null || name.isBlank() || name.length() > MAX_NAME) {
            errors.add(field("name", "must be 1 to " + MAX_NAME + " characters, not only spaces"));
        }
        AlertMetric metric = definition.metric() == null ? null : AlertMetric.named(definition.metric()).orElse(null);
        if (metric == null) {
            errors.add(field("metric", "must be one of " + AlertMetric.NAMES));
        }
        Integer hostId = definition.hostId();
        if (hostId != null && (hostId <= 0 || !hostExists.test(hostId))) {
            errors.add(field("hostId", "must be the id of a host, or null for every host"));
        }
        Comparison comparison = definition.comparison() == null ? null
                : Comparison.of(definition.comparison()).orElse(null);
        if (comparison == null) {
            errors.add(field("comparison", "must be one of >, >=, <, <="));
        }
        Double threshold = definition.threshold();
        if (threshold == null || !Double.isFinite(threshold)) {
            errors.add(field("threshold", "must be a number"));
        }
        Double clear = definition.clearThreshold();
        if (clear != null && !Double.isFinite(clear)) {
            errors.add(field("clearThreshold", "must be a number, or null for the threshold"));
        } else if (clear != null && comparison != null && threshold != null && Double.isFinite(threshold)
                && !comparison.allowsClearAt(clear, threshold)) {
            errors.add(field("clearThreshold", "must be " + (comparison.upward() ? "at most" : "at least")
                    + " the threshold for '" + comparison.symbol() + "', so that the alert clears on the quiet side"));
        }
        Duration forDuration = duration(definition.forDuration(), Duration.ZERO, "for", errors);
        Duration repeat = duration(definition.repeat(), MIN_REPEAT, "repeat", errors);
        List<String> recipients = definition.recipients() == null ? List.of() : definition.recipients();
        if (recipients.size() > MAX_RECIPIENTS) {
            errors.add(field("recipients", "must list at most " + MAX_RECIPIENTS + " addresses"));
        }
        for (int i = 0; i < recipients.size(); i++) {
            String address = recipients.get(i);
            if (address == null || address.length() > 254 || !ADDRESS.matcher(address).matches()) {
                errors.add(field("recipients[" + i + "]", "must be an e-mail address"));
            }
        }
        if (!errors.isEmpty()) {
            throw new InvalidFieldsException(errors);
        }
        return new Rule(0, name, metric, hostId, comparison, threshold, clear,
                forDuration == null ? Duration.ZERO : forDuration, repeat, recipients,
                definition.enabled() == null || definition.enabled(), null, null);
    }

    /** A duration of whole seconds from {@code min} to {@link #MAX_DURATION}, or null when absent. */
    private static Duration duration(String text, Duration min, String field,
                                     List<InvalidFieldsException.Field> errors) {
        if (text == null) {
            return null;
        }
        String expected = "must be an ISO-8601 duration of whole seconds from " + min + " to P365D, such as PT5M";
        try {
            Duration duration = Duration.parse(text);
            if (duration.getNano() == 0 && duration.compareTo(min) >= 0 && duration.compareTo(MAX_DURATION) <= 0) {
                return duration;
            }
        } catch (DateTimeParseException e) {
            // reported below
        }
        errors.add(field(field, expected));
        return null;
    }

    private static InvalidFieldsException.Field field(String name, String message) {
        return new InvalidFieldsException.Field(name, message);
    }
}
