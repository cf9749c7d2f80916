package org.cloudweb.monitor.stats;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class StatResolutionTest {

    private static final Instant TO = Instant.parse("2026-03-01T10:00:00Z");

    @Test
    void stepsAreIsoDurationsOrSeconds() {
        assertEquals(Duration.ofHours(1), StatResolution.parseStep("PT1H"));
        assertEquals(Duration.ofDays(1), StatResolution.parseStep("P1D"));
        assertEquals(Duration.ofHours(2), StatResolution.parseStep("7200"));
        assertNull(StatResolution.parseStep(null));
        assertNull(StatResolution.parseStep(""));
        for (String bad : new String[] {"hourly", "PT0S", "-PT1H", "0", "PT0.5S", "P400D", "1h", "99999999999"}) {
            assertThrows(IllegalArgumentException.class, () -> StatResolution.parseStep(bad), bad);
        }
    }

    @Test
    void shortRangesAreRawAndLongOnesHourly() {
        assertEquals(new StatResolution(600, false), StatResolution.choose(null, TO.minus(Duration.ofDays(2)), TO));
        assertEquals(new StatResolution(3600),
                StatResolution.choose(null, TO.minus(Duration.ofDays(2)).minusSeconds(1), TO));
        assertEquals(StatResolution.RAW, StatResolution.choose(Duration.ofSeconds(10), TO.minusSeconds(3600), TO));
    }

    @Test
    void withoutAStepRawRangesOverTwoHoursAreChartSizedBuckets() {
        assertEquals(StatResolution.RAW, StatResolution.choose(null, TO.minus(Duration.ofHours(2)), TO));
        assertEquals(new StatResolution(30, false),
                StatResolution.choose(null, TO.minus(Duration.ofHours(2)).minusSeconds(1), TO));
        StatResolution day = StatResolution.choose(null, TO.minus(Duration.ofDays(1)), TO);
        assertEquals(new StatResolution(300, false), day);
        assertTrue(day.raw() && !day.everySample());
        assertEquals(StatResolution.RAW, StatResolution.choose(Duration.ofSeconds(10), TO.minus(Duration.ofDays(1)), TO),
                "a step under an hour still asks for every sample");
    }

    @Test
    void aStepOfAnHourOrMoreIsServedFromRollups() {
        assertEquals(new StatResolution(3600), StatResolution.choose(Duration.ofHours(1), TO.minusSeconds(60), TO));
        assertEquals(new StatResolution(86400),
                StatResolution.choose(Duration.ofDays(1), TO.minus(Duration.ofDays(300)), TO));
    }

    @Test
    void stepsTheSourceCannotGiveAreRefused() {
        assertThrows(IllegalArgumentException.class,
                () -> StatResolution.choose(Duration.ofMinutes(90), TO.minusSeconds(60), TO));
        assertThrows(IllegalArgumentException.class,
                () -> StatResolution.choose(Duration.ofMinutes(5), TO.minus(Duration.ofDays(3)), TO));
    }
}
