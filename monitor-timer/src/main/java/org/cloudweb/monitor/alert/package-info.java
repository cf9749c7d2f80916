/**
 * Alerting on the host monitor's metrics. Rules ({@code alert_rule}) compare a metric of {@link
 * org.cloudweb.monitor.alert.AlertMetric} ({@code cpu.busy}, {@code mem.used}, ...) on one host or every host
 * with a threshold; after each tick every node evaluates the rules against its own host in memory
 * ({@link org.cloudweb.monitor.alert.AlertStates}): a condition that holds for the rule's {@code for} duration
 * fires an event ({@code alert_event}), which resolves once the value no longer meets the clear threshold
 * (hysteresis). Firing, reminders (at most one per {@code repeat}) and resolution are e-mailed through Jakarta
 * Mail with the {@code smtp.*} settings, off the monitor's thread; a notice that fails is tried again at the next
 * tick. Administrators manage rules and read events through {@code AlertRuleService} and
 * {@code AlertEventService}.
 */
package org.cloudweb.monitor.alert;
