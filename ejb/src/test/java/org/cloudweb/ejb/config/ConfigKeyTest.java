package org.cloudweb.ejb.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ConfigKeyTest {

    @Test
    void keysAreFoundByTheirApiName() {
        assertEquals(ConfigKey.TOKEN_TTL, ConfigKey.named("token.ttl").orElseThrow());
        assertTrue(ConfigKey.named("token.TTL").isEmpty());
        assertEquals(List.of("registration.open", "token.ttl", "quota.default.max-bytes", "quota.default.max-objects",
                "records.retention", "http.trusted-proxies", "monitor.interval", "monitor.retention.raw",
                "monitor.retention.5min", "monitor.retention.rollups", "monitor.checks", "smtp.host", "smtp.port",
                "smtp.from", "smtp.username", "smtp.password", "smtp.tls"), List.copyOf(ConfigKey.all().keySet()));
    }

    @Test
    void valuesMustHaveTheKeysType() {
        assertEquals(true, ConfigKey.REGISTRATION_OPEN.parse(Boolean.TRUE));
        assertThrows(IllegalArgumentException.class, () -> ConfigKey.REGISTRATION_OPEN.parse("true"));
        assertThrows(IllegalArgumentException.class, () -> ConfigKey.REGISTRATION_OPEN.parse(BigDecimal.ONE));
        assertEquals(42L, ConfigKey.QUOTA_DEFAULT_MAX_BYTES.parse(new BigDecimal(42)));
        assertThrows(IllegalArgumentException.class, () -> ConfigKey.QUOTA_DEFAULT_MAX_BYTES.parse(new BigDecimal("1.5")));
        assertThrows(IllegalArgumentException.class, () -> ConfigKey.QUOTA_DEFAULT_MAX_BYTES.parse(new BigDecimal(-1)));
        assertThrows(IllegalArgumentException.class,
                () -> ConfigKey.QUOTA_DEFAULT_MAX_BYTES.parse(new BigDecimal("1e30")));
    }

    @ParameterizedTest
    @ValueSource(strings = {"PT0S", "PT0.5S", "P366D", "-PT1H", "24h", ""})
    void tokenLifetimesOutsideOneSecondToAYearAreRefused(String ttl) {
        IllegalArgumentException error = assertThrows(IllegalArgumentException.class,
                () -> ConfigKey.TOKEN_TTL.parse(ttl));
        assertTrue(error.getMessage().startsWith("token.ttl must be"), error.getMessage());
    }

    @ParameterizedTest
    @ValueSource(strings = {"PT59M", "PT0S", "-P1D", "30 days", ""})
    void retentionsUnderAnHourAreRefused(String retention) {
        assertThrows(IllegalArgumentException.class, () -> ConfigKey.RECORDS_RETENTION.parse(retention));
    }

    @ParameterizedTest
    @ValueSource(strings = {"PT0S", "PT0.5S", "PT1.5S", "PT2H", "10s"})
    void monitorIntervalsAreWholeSecondsUpToAnHour(String interval) {
        assertThrows(IllegalArgumentException.class, () -> ConfigKey.MONITOR_INTERVAL.parse(interval));
    }

    @Test
    void hostsAreSampledEveryTenSecondsByDefault() {
        assertEquals(Duration.ofSeconds(10), ConfigKey.MONITOR_INTERVAL.parse(null));
        assertEquals(Duration.ofSeconds(2), ConfigKey.MONITOR_INTERVAL.parse("PT2S"));
    }

    @Test
    void fiveMinuteRollupsFollowTheRawRetentionByDefault() {
        assertNull(ConfigKey.MONITOR_RETENTION_FIVE_MINUTES.parse(null));
        assertEquals(Duration.ofDays(30), ConfigKey.MONITOR_RETENTION_FIVE_MINUTES.parse("P30D"));
        assertThrows(IllegalArgumentException.class, () -> ConfigKey.MONITOR_RETENTION_FIVE_MINUTES.parse("PT5M"));
    }

    @Test
    void recordsAreKeptForeverByDefault() {
        assertNull(ConfigKey.RECORDS_RETENTION.parse(null));
        assertEquals(Duration.ofDays(90), ConfigKey.RECORDS_RETENTION.parse("P90D"));
    }

    @Test
    void nullMeansTheDefault() {
        assertEquals(Duration.ofHours(24), ConfigKey.TOKEN_TTL.parse(null));
        assertNull(ConfigKey.QUOTA_DEFAULT_MAX_OBJECTS.parse(null));
        assertFalse(ConfigKey.REGISTRATION_OPEN.parse(null));
    }

    @Test
    void storedTextReadsBackAndUnreadableTextFallsBackToTheDefault() {
        assertEquals(Duration.ofMinutes(90), ConfigKey.TOKEN_TTL.read(ConfigKey.TOKEN_TTL.format(Duration.ofMinutes(90))));
        assertEquals(5_000_000_000L, ConfigKey.QUOTA_DEFAULT_MAX_BYTES.read("5000000000"));
        assertEquals(List.of("10.0.0.1", "::1"), ConfigKey.TRUSTED_PROXIES.read("10.0.0.1, ::1"));
        assertEquals(Duration.ofHours(24), ConfigKey.TOKEN_TTL.read("garbage"));
        assertEquals(true, ConfigKey.REGISTRATION_OPEN.read("true"));
    }

    @Test
    void trustedProxiesAreAddressesNeverNames() {
        assertEquals(List.of("192.0.2.1", "2001:db8::1"), ConfigKey.TRUSTED_PROXIES.parse("192.0.2.1,2001:db8::1"));
        assertEquals(List.of(), ConfigKey.TRUSTED_PROXIES.parse(""));
        assertThrows(IllegalArgumentException.class, () -> ConfigKey.TRUSTED_PROXIES.parse("proxy.example.com"));
        assertThrows(IllegalArgumentException.class, () -> ConfigKey.TRUSTED_PROXIES.parse("256.1.1.1"));
    }

    @Test
    void monitorChecksAreNoneByDefaultAndStoredInTheirWrittenForm() {
        assertEquals(List.of(), ConfigKey.MONITOR_CHECKS.parse(null));
        assertEquals(List.of(), ConfigKey.MONITOR_CHECKS.parse(""));
        List<String> checks = ConfigKey.MONITOR_CHECKS.parse(" process:mariadbd , tcp:127.0.0.1:3306,tcp:[::1]:22");
        assertEquals(List.of("process:mariadbd", "tcp:127.0.0.1:3306", "tcp:[::1]:22"), checks);
        assertEquals(checks, ConfigKey.MONITOR_CHECKS.read(ConfigKey.MONITOR_CHECKS.format(checks)));
        assertEquals(List.of(), ConfigKey.MONITOR_CHECKS.read("http:example.com"), "a bad stored value means none");
    }

    @ParameterizedTest
    @ValueSource(strings = {"http:example.com:80", "tcp:127.0.0.1:0", "tcp:127.0.0.1:65536", "process:", "tcp::80",
            "process:java,", "process:java,process:java", "mariadbd"})
    void badMonitorChecksAreRefusedSayingWhy(String checks) {
        IllegalArgumentException error = assertThrows(IllegalArgumentException.class,
                () -> ConfigKey.MONITOR_CHECKS.parse(checks));
        assertTrue(error.getMessage().startsWith("monitor.checks must be a string of comma-separated checks"),
                error.getMessage());
        assertTrue(error.getMessage().contains(": "), "with the reason: " + error.getMessage());
    }

    @Test
    void monitorChecksMustBeAString() {
        assertThrows(IllegalArgumentException.class, () -> ConfigKey.MONITOR_CHECKS.parse(BigDecimal.ONE));
    }

    @Test
    void smtpSettingsAreCheckedAndOnlyThePasswordIsSecret() {
        assertNull(ConfigKey.SMTP_HOST.parse(null), "no server: no e-mail");
        assertEquals("mail.example.com", ConfigKey.SMTP_HOST.parse("mail.example.com"));
        assertEquals("127.0.0.1", ConfigKey.SMTP_HOST.parse("127.0.0.1"));
        assertEquals("::1", ConfigKey.SMTP_HOST.parse("::1"));
        assertThrows(IllegalArgumentException.class, () -> ConfigKey.SMTP_HOST.parse("mail example"));
        assertThrows(IllegalArgumentException.class, () -> ConfigKey.SMTP_HOST.parse(""));
        assertEquals(25, ConfigKey.SMTP_PORT.parse(null));
        assertEquals(587, ConfigKey.SMTP_PORT.parse(new BigDecimal(587)));
        assertThrows(IllegalArgumentException.class, () -> ConfigKey.SMTP_PORT.parse(new BigDecimal(65_536)));
        assertThrows(IllegalArgumentException.class, () -> ConfigKey.SMTP_PORT.parse(new BigDecimal("25.5")));
        assertEquals("alerts@example.com", ConfigKey.SMTP_FROM.parse("alerts@example.com"));
        assertThrows(IllegalArgumentException.class, () -> ConfigKey.SMTP_FROM.parse("alerts"));
        assertEquals("starttls", ConfigKey.SMTP_TLS.parse("starttls"));
        assertThrows(IllegalArgumentException.class, () -> ConfigKey.SMTP_TLS.parse("ssl"));
        IllegalArgumentException error = assertThrows(IllegalArgumentException.class,
                () -> ConfigKey.SMTP_PASSWORD.parse(Boolean.TRUE));
        assertFalse(error.getMessage().contains("true"), error.getMessage());

        assertTrue(ConfigKey.SMTP_PASSWORD.isSecret());
        assertEquals(List.of("smtp.password"), ConfigKey.all().values().stream().filter(ConfigKey::isSecret)
                .map(ConfigKey::name).toList());
    }
}
