package org.cloudweb.monitor.status;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class HostStatusServiceTest {

    @Test
    void aStatusIsStaleAfterThreeMissedRoundsOrWhenNeverChecked() {
        Instant now = Instant.parse("2026-01-31T12:00:00Z");

        assertFalse(HostStatusService.isStale(now.minusSeconds(89), now));
        assertTrue(HostStatusService.isStale(now.minusSeconds(91), now));
        assertTrue(HostStatusService.isStale(null, now));
    }
}
