package org.cloudweb.monitor.alert;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Properties;
import org.junit.jupiter.api.Test;

class AlertMessagesTest {

    private static final Instant STARTED = Instant.parse("2026-03-01T10:00:00.123Z");
    private static final Rule RULE = new Rule(12, "Memory almost full", AlertMetric.MEM_USED, null,
            Comparison.GREATER, 90, 85.0, Duration.ofMinutes(5), Duration.ofHours(1), List.of(), true, STARTED,
            STARTED);

    @Test
    void aFiringNoticeNamesRuleHostMetricValueThresholdAndTime() {
        Notice notice = new Notice(Notice.Kind.FIRING, RULE, 3, 41, 93.456, 93.456, STARTED, null);

        assertEquals("[CloudWeb] FIRING: Memory almost full on web-1", AlertMessages.subject(notice, "web-1"));
        String body = AlertMessages.body(notice, "web-1");
        assertTrue(body.startsWith("Alert rule \"Memory almost full\" (rule 12) is firing on host web-1 (host 3)."),
                body);
        assertTrue(body.contains("mem.used > 90 percent for PT5M"), body);
        assertTrue(body.contains("not > 85 percent"), body);
        assertTrue(body.contains("93.46 percent"), body);
        assertTrue(body.contains("2026-03-01T10:00:00Z"), body);
        assertTrue(body.contains("every PT1H"), body);
        assertTrue(body.contains("41"), body);
    }

    @Test
    void aResolvedNoticeSaysWhenAndAtWhatValue() {
        Notice notice = new Notice(Notice.Kind.RESOLVED, RULE, 3, 41, 93.0, 80.5, STARTED,
                STARTED.plusSeconds(754));

        assertEquals("[CloudWeb] Resolved: Memory almost full on #3", AlertMessages.subject(notice, null));
        String body = AlertMessages.body(notice, null);
        assertTrue(body.contains("has resolved"), body);
        assertTrue(body.contains("80.5 percent"), body);
        assertTrue(body.contains("2026-03-01T10:12:34Z (after PT12M34S)"), body);
        assertFalse(body.contains("Reminders"), body);
    }

    @Test
    void numbersHaveAtMostTwoDecimals() {
        assertEquals("1234567890", AlertMessages.number(1_234_567_890.0));
        assertEquals("0.1", AlertMessages.number(0.1));
        assertEquals("-3.14", AlertMessages.number(-3.14159));
    }

    @Test
    void theConnectionIsProtectedAsConfigured() {
        Properties plain = AlertMailer.properties("mail.example.com", 25, "none", false);
        assertEquals("smtp", plain.getProperty("mail.transport.protocol"));
        assertEquals("mail.example.com", plain.getProperty("mail.smtp.host"));
        assertEquals("false", plain.getProperty("mail.smtp.auth"));
        assertEquals(null, plain.getProperty("mail.smtp.starttls.enable"));

        Properties starttls = AlertMailer.properties("mail.example.com", 587, "starttls", true);
        assertEquals("true", starttls.getProperty("mail.smtp.starttls.required"));
        assertEquals("true", starttls.getProperty("mail.smtp.auth"));
        assertEquals("true", starttls.getProperty("mail.smtp.ssl.checkserveridentity"));

        Properties tls = AlertMailer.properties("mail.example.com", 465, "tls", true);
        assertEquals("smtps", tls.getProperty("mail.transport.protocol.rfc822"));
        assertEquals("465", tls.getProperty("mail.smtps.port"));
        assertEquals("10000", tls.getProperty("mail.smtps.timeout"));
    }
}
