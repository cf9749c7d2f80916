package org.cloudweb.monitor.alert;

import java.time.Instant;

/**
 * A notification due about an event: that it fired, that it still fires (a reminder), or that it resolved.
 *
 * @param value      the value at firing
 * @param current    the latest value (at resolution for {@link Kind#RESOLVED})
 * @param resolvedAt null unless resolved
 */
public record Notice(Kind kind, Rule rule, int hostId, long eventId, double value, double current,
                     Instant startedAt, Instant resolvedAt) {

    public enum Kind {
        FIRING, REMINDER, RESOLVED
    }
}
