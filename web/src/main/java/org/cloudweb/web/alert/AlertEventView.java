package org.cloudweb.web.alert;

import jakarta.json.bind.annotation.JsonbNillable;
import java.time.Instant;
import org.cloudweb.monitor.alert.AlertEventEntry;

/** An event: {@code value} made it fire; {@code resolvedValue} and {@code resolvedAt} are null while it fires. */
@JsonbNillable
public record AlertEventView(long id, long ruleId, String ruleName, String metric, int hostId, String hostName,
                             String state, double value, Double resolvedValue, Instant startedAt, Instant resolvedAt,
                             Instant lastNotifiedAt, int notifications) {

    static AlertEventView of(AlertEventEntry e) {
        return new AlertEventView(e.id(), e.ruleId(), e.ruleName(), e.metric(), e.hostId(), e.hostName(), e.state(),
                e.value(), e.resolvedValue(), e.startedAt(), e.resolvedAt(), e.lastNotifiedAt(), e.notifications());
    }
}
