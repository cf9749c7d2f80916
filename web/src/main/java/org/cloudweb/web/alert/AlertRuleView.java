package org.cloudweb.web.alert;

import jakarta.json.bind.annotation.JsonbNillable;
import jakarta.json.bind.annotation.JsonbProperty;
import jakarta.json.bind.annotation.JsonbPropertyOrder;
import java.time.Instant;
import java.util.List;
import org.cloudweb.monitor.alert.Rule;

/**
 * A rule as the API shows it: {@code hostId} null for every host, {@code clearThreshold} null for the threshold,
 * {@code repeat} null for no reminders; durations ISO-8601.
 */
@JsonbNillable
@JsonbPropertyOrder({"id", "name", "metric", "unit", "hostId", "comparison", "threshold", "clearThreshold",
        "forDuration", "repeat", "recipients", "enabled", "createdAt", "updatedAt"})
public record AlertRuleView(long id, String name, String metric, String unit, Integer hostId, String comparison,
                            double threshold, Double clearThreshold, @JsonbProperty("for") String forDuration,
                            String repeat, List<String> recipients, boolean enabled, Instant createdAt,
                            Instant updatedAt) {

    static AlertRuleView of(Rule rule) {
        return new AlertRuleView(rule.id(), rule.name(), rule.metric().apiName(), rule.metric().unit(),
                rule.hostId(), rule.comparison().symbol(), rule.threshold(), rule.clearThreshold(),
                rule.forDuration().toString(), rule.repeat() == null ? null : rule.repeat().toString(),
                rule.recipients(), rule.enabled(), rule.createdAt(), rule.updatedAt());
    }
}
