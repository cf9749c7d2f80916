package org.cloudweb.monitor.alert;

import java.util.List;

/**
 * A rule as an administrator gives it, unchecked ({@link RuleChecks} checks it). Durations are ISO-8601 texts.
 *
 * @param hostId         null for every host
 * @param clearThreshold null for the threshold
 * @param forDuration    null for zero
 * @param repeat         null for no reminders
 * @param recipients     null or empty for every enabled administrator
 * @param enabled        null for true
 */
public record RuleDefinition(String name, String metric, Integer hostId, String comparison, Double threshold,
                             Double clearThreshold, String forDuration, String repeat, List<String> recipients,
                             Boolean enabled) {
}
