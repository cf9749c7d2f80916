package org.cloudweb.monitor.alert;

/**
 * Fired by {@link AlertRuleService} when a rule was created, changed or deleted; observed once the transaction
 * has completed, so that the evaluation reads the rules again as committed.
 *
 * @param ruleId the rule
 */
public record AlertRulesChanged(long ruleId) {
}
