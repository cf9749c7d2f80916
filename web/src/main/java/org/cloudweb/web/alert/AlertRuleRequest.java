package org.cloudweb.web.alert;

import jakarta.json.bind.annotation.JsonbProperty;
import jakarta.validation.constraints.NotNull;
import java.util.List;
import org.cloudweb.monitor.alert.RuleDefinition;

/**
 * The body of {@code POST /alerts/rules} and {@code PUT /alerts/rules/{id}} (which replaces every field: absent
 * ones take their defaults). The service checks the values; here only what must be there.
 *
 * @param forDuration JSON {@code for}: how long the condition must hold, ISO-8601 (default PT0S)
 * @param repeat      reminder interval while firing, ISO-8601, at least PT1M; null for none
 */
public record AlertRuleRequest(
        @NotNull String name,
        @NotNull String metric,
        Integer hostId,
        @NotNull String comparison,
        @NotNull Double threshold,
        Double clearThreshold,
        @JsonbProperty("for") String forDuration,
        String repeat,
        List<String> recipients,
        Boolean enabled) {

    /** Declared, not implied: its parameters then carry no constraints, which the OpenAPI scanner trips over. */
    public AlertRuleRequest(String name, String metric, Integer hostId, String comparison, Double threshold,
                            Double clearThreshold, @JsonbProperty("for") String forDuration, String repeat,
                            List<String> recipients, Boolean enabled) {
        this.name = name;
        this.metric = metric;
        this.hostId = hostId;
        this.comparison = comparison;
        this.threshold = threshold;
        this.clearThreshold = clearThreshold;
        this.forDuration = forDuration;
        this.repeat = repeat;
        this.recipients = recipients;
        this.enabled = enabled;
    }

    RuleDefinition toDefinition() {
        return new RuleDefinition(name, metric, hostId, comparison, threshold, clearThreshold, forDuration, repeat,
                recipients, enabled);
    }
}
