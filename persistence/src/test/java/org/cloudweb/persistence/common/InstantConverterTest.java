package org.cloudweb.persistence.common;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import java.time.LocalDateTime;
import java.util.TimeZone;
import org.junit.jupiter.api.Test;

class InstantConverterTest {

    private final InstantConverter converter = new InstantConverter();

    @Test
    void storesUtcWallTimeWhateverTheJvmTimeZone() {
        TimeZone before = TimeZone.getDefault();
        try {
            TimeZone.setDefault(TimeZone.getTimeZone("Asia/Kolkata"));
            Instant instant = Instant.parse("2026-03-29T01:30:00.123456Z");

            LocalDateTime stored = converter.convertToDatabaseColumn(instant);

            assertEquals(LocalDateTime.parse("2026-03-29T01:30:00.123456"), stored);
            assertEquals(instant, converter.convertToEntityAttribute(stored));
        } finally {
            TimeZone.setDefault(before);
        }
    }
}
