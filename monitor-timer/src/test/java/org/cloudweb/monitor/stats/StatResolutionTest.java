package org.cloudweb.monitor.stats;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import org.cloudweb.monitor.stats.StatResolution.Source;
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
    void shortRangesComeFromFiveMinuteRollupsOrRawSamplesAndLongOnesFromHourlyRollups() {
        assertEquals(new StatResolution(600, Source.FIVE_MINUTES),
                StatResolution.choose(null, TO.minus(Duration.ofDays(2)), TO));
        assertEquals(new StatResolution(3600, Source.HOURLY),
                StatResolution.choose(null, TO.minus(Duration.ofDays(2)).minusSeconds(1), TO));
        assertEquals(StatResolution.RAW, StatResolution.choose(Duration.ofSeconds(10), TO.minusSeconds(3600), TO));
    }

    @Test
    void withoutAStepRangesOverTwoHoursAreChartSizedBuckets() {
        assertEquals(StatResolution.RAW, StatResolution.choose(null, TO.minus(Duration.ofHours(2)), TO));
        assertEquals(new StatResolution(30, Source.RAW),
                StatResolution.choose(null, TO.minus(Duration.ofHours(2)).minusSeconds(1), TO));
        assertEquals(new StatResolution(120, Source.RAW), StatResolution.choose(null, TO.minus(Duration.ofHours(10)), TO),
                "steps under 5 minutes from raw samples");
        StatResolution day = StatResolution.choose(null, TO.minus(Duration.ofDays(1)), TO);
        assertEquals(new StatResolution(300, Source.FIVE_MINUTES), day, "a day: 288 five-minute rollups");
        assertTrue(!day.everySample());
    }

    @Test
    void aStepUnderAnHourGivesFiveMinuteBucketsOrEverySample() {
        assertEquals(new StatResolution(300, Source.FIVE_MINUTES),
                StatResolution.choose(Duration.ofMinutes(5), TO.minus(Duration.ofDays(1)), TO));
        assertEquals(new StatResolution(900, Source.FIVE_MINUTES),
                StatResolution.choose(Duration.ofMinutes(15), TO.minus(Duration.ofHours(1)), TO));
        assertEquals(new StatResolution(3300, Source.FIVE_MINUTES),
                StatResolution.choose(Duration.ofMinutes(55), TO.minus(Duration.ofDays(1)), TO));
        assertEquals(StatResolution.RAW, StatResolution.choose(Duration.ofSeconds(10), TO.minus(Duration.ofDays(1)), TO),
                "a step that is not a multiple of 5 minutes asks for every sample");
        assertEquals(StatResolution.RAW, StatResolution.choose(Duration.ofMinutes(7), TO.minus(Duration.ofDays(1)), TO));
    }

    @Test
    void aStepOfAnHourOrMoreIsServedFromHourlyRollups() {
        assertEquals(new StatResolution(3600, Source.HOURLY),
                StatResolution.choose(Duration.ofHours(1), TO.minusSeconds(60), TO));
        assertEquals(new StatResolution(86400, Source.HOURLY),
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
