package org.cloudweb.monitor.load;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class InFlightRequestsTest {

    @Test
    void aRequestInProgressForAWholePeriodAveragesOneAndAnIdlePeriodZero() throws InterruptedException {
        InFlightRequests requests = new InFlightRequests();
        requests.started();
        requests.average(); // a period starts with the request already running

        Thread.sleep(5);
        assertEquals(1.0, requests.average());
        assertEquals(1, requests.current());

        requests.ended();
        requests.average();
        Thread.sleep(5);
        assertEquals(0.0, requests.average());
        assertEquals(0, requests.current());
    }

    @Test
    void overlappingRequestsAddUpAndAShortOneCountsForItsShare() throws InterruptedException {
        InFlightRequests requests = new InFlightRequests();
        requests.started();
        requests.started();
        requests.average();
        Thread.sleep(5);
        assertEquals(2.0, requests.average());

        requests.ended();
        requests.ended();
        Thread.sleep(5);
        double partly = requests.average();
        assertTrue(partly > 0 && partly < 2, "ended during the period: " + partly);
        assertEquals(0, requests.current());
    }
}
