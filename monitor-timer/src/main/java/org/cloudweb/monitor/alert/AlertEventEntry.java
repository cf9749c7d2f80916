package org.cloudweb.monitor.alert;

import java.time.Instant;

/**
 * An event as listed, with its rule's and host's names.
 *
 * @param value         the value that made it fire
 * @param resolvedValue the value that cleared it, or null
 */
public record AlertEventEntry(long id, long ruleId, String ruleName, String metric, int hostId, String hostName,
                              String state, double value, Double resolvedValue, Instant startedAt,
                              Instant resolvedAt, Instant lastNotifiedAt, int notifications) {
}
