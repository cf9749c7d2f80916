package org.cloudweb.monitor.alert;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import org.cloudweb.ejb.error.InvalidFieldsException;
import org.junit.jupiter.api.Test;

class RuleChecksTest {

    @Test
    void aCompleteDefinitionBecomesARule() {
        Rule rule = RuleChecks.check(new RuleDefinition("Memory", "mem.used", 3, ">=", 90.0, 80.0, "PT5M", "PT1H",
                List.of("ops@example.com"), false), id -> id == 3);

        assertEquals(AlertMetric.MEM_USED, rule.metric());
        assertEquals(Comparison.GREATER_OR_EQUAL, rule.comparison());
        assertEquals(3, rule.hostId());
        assertEquals(80.0, rule.effectiveClearThreshold());
        assertEquals(Duration.ofMinutes(5), rule.forDuration());
        assertEquals(Duration.ofHours(1), rule.repeat());
        assertEquals(List.of("ops@example.com"), rule.recipients());
        assertEquals(false, rule.enabled());
    }

    @Test
    void absentOptionalFieldsTakeTheirDefaults() {
        Rule rule = RuleChecks.check(new RuleDefinition("Disk", "storage.used", null, ">", 95.0, null, null, null,
                null, null), id -> false);

        assertNull(rule.hostId());
        assertEquals(95.0, rule.effectiveClearThreshold(), "clears at the threshold");
        assertEquals(Duration.ZERO, rule.forDuration());
        assertNull(rule.repeat());
        assertEquals(List.of(), rule.recipients());
        assertTrue(rule.enabled());
    }

    @Test
    void everyInvalidFieldIsNamed() {
        InvalidFieldsException e = assertThrows(InvalidFieldsException.class, () -> RuleChecks.check(
                new RuleDefinition(" ", "temperature", 9, "==", null, null, "PT-5S", "PT10S",
                        List.of("ops@example.com", "not an address"), null), id -> false));

        assertEquals(List.of("name", "metric", "hostId", "comparison", "threshold", "for", "repeat",
                "recipients[1]"), e.getFields().stream().map(InvalidFieldsException.Field::field).toList());
        assertEquals("bad_request", e.getCode());
    }

    @Test
    void theClearThresholdMustLieOnTheQuietSide() {
        assertEquals(List.of("clearThreshold"), fields(">", 80.0, 90.0));
        assertEquals(List.of("clearThreshold"), fields(">=", 80.0, 80.5));
        assertEquals(List.of("clearThreshold"), fields("<", 10.0, 5.0));
        assertEquals(List.of("clearThreshold"), fields("<=", 10.0, 9.99));
        assertEquals(List.of(), fields(">", 80.0, 80.0));
        assertEquals(List.of(), fields("<", 10.0, 15.0));
        assertEquals(List.of("clearThreshold"), fields("<", 10.0, Double.NaN));
    }

    @Test
    void durationsAreWholeSecondsWithinLimits() {
        assertEquals(List.of("for"), durationFields("PT0.5S", null));
        assertEquals(List.of("for"), durationFields("P366D", null));
        assertEquals(List.of("for"), durationFields("5 minutes", null));
        assertEquals(List.of("repeat"), durationFields(null, "PT59S"));
        assertEquals(List.of("repeat"), durationFields(null, "PT0S"));
        assertEquals(List.of(), durationFields("PT0S", "PT1M"));
        assertEquals(List.of(), durationFields("P1D", "P365D"));
    }

    @Test
    void atMostTenRecipients() {
        List<String> eleven = java.util.Collections.nCopies(11, "ops@example.com");
        InvalidFieldsException e = assertThrows(InvalidFieldsException.class, () -> RuleChecks.check(
                new RuleDefinition("x", "mem.used", null, ">", 1.0, null, null, null, eleven, null), id -> true));

        assertEquals("recipients", e.getFields().get(0).field());
    }

    private static List<String> fields(String comparison, double threshold, double clear) {
        return failing(new RuleDefinition("x", "cpu.busy", null, comparison, threshold, clear, null, null, null,
                null));
    }

    private static List<String> durationFields(String forDuration, String repeat) {
        return failing(new RuleDefinition("x", "cpu.busy", null, ">", 1.0, null, forDuration, repeat, null, null));
    }

    private static List<String> failing(RuleDefinition definition) {
        try {
            RuleChecks.check(definition, id -> true);
            return List.of();
        } catch (InvalidFieldsException e) {
            return e.getFields().stream().map(InvalidFieldsException.Field::field).toList();
        }
    }
}
