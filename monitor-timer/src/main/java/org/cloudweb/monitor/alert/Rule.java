package org.cloudweb.monitor.alert;

import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import org.cloudweb.persistence.alert.AlertRule;

/**
 * A stored rule, checked: what the evaluation and the API work with.
 *
 * @param hostId         the host it watches, or null for every host
 * @param clearThreshold where the alert clears, or null for the threshold itself
 * @param forDuration    how long the condition must hold before the alert fires (zero: at once)
 * @param repeat         how often a firing alert is notified again, or null for never
 * @param recipients     e-mail addresses; empty for every enabled administrator
 */
public record Rule(long id, String name, AlertMetric metric, Integer hostId, Comparison comparison, double threshold,
                   Double clearThreshold, Duration forDuration, Duration repeat, List<String> recipients,
                   boolean enabled, Instant createdAt, Instant updatedAt) {

    public Rule {
        recipients = List.copyOf(recipients);
    }

    /**
     * The rule a row holds.
     *
     * @throws IllegalStateException for a metric or comparison this version does not know (a hand-edited row)
     */
    public static Rule of(AlertRule row) {
        AlertMetric metric = AlertMetric.named(row.getMetric())
                .orElseThrow(() -> new IllegalStateException("Unknown metric in alert rule " + row.getId()));
        Comparison comparison = Comparison.of(row.getComparison())
                .orElseThrow(() -> new IllegalStateException("Unknown comparison in alert rule " + row.getId()));
        List<String> recipients = row.getRecipients() == null || row.getRecipients().isEmpty() ? List.of()
                : Arrays.asList(row.getRecipients().split(","));
        return new Rule(row.getId(), row.getName(), metric, row.getHostId(), comparison, row.getThreshold(),
                row.getClearThreshold(), Duration.ofSeconds(row.getForSeconds()),
                row.getRepeatSeconds() == null ? null : Duration.ofSeconds(row.getRepeatSeconds()), recipients,
                row.isEnabled(), row.getCreatedAt(), row.getUpdatedAt());
    }

    /** Copies the rule's settings (not its id or times) into a row. */
    public void copyTo(AlertRule row) {
        row.setName(name);
        row.setMetric(metric.apiName());
        row.setHostId(hostId);
        row.setComparison(comparison.symbol());
        row.setThreshold(threshold);
        row.setClearThreshold(clearThreshold);
        row.setForSeconds(forDuration.toSeconds());
        row.setRepeatSeconds(repeat == null ? null : repeat.toSeconds());
        row.setRecipients(recipients.isEmpty() ? null : String.join(",", recipients));
        row.setEnabled(enabled);
    }

    /** The threshold the alert clears at. */
    public double effectiveClearThreshold() {
        return clearThreshold != null ? clearThreshold : threshold;
    }

    /** Whether a value makes the condition true. */
    public boolean breached(double value) {
        return comparison.holds(value, threshold);
    }

    /** Whether a firing alert clears at a value: the comparison no longer holds against the clear threshold. */
    public boolean clearedBy(double value) {
        return !comparison.holds(value, effectiveClearThreshold());
    }
}
