package org.cloudweb.ejb.outage;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/** The room an account has left while the database is away, as one node keeps it. */
class OfflineQuotaTest {

    private final OfflineQuota quota = new OfflineQuota();

    @Test
    void theRoomLastSeenShrinksWithEachUploadAndRefusesWhatDoesNotFit() {
        quota.remember("alice", 1000);
        quota.spent("alice", 400);
        assertEquals(600, quota.left("alice"));

        assertFalse(quota.claim("alice", 700));
        assertEquals(600, quota.left("alice"), "a refused upload takes nothing");
        assertTrue(quota.claim("alice", 500));
        assertTrue(quota.claim("alice", -300), "a smaller replacement always fits");
        assertEquals(100, quota.left("alice"), "and gives nothing back");
        assertFalse(quota.claim("alice", 101));
    }

    @Test
    void anAccountNotSeenOrWithoutALimitIsNotLimited() {
        assertEquals(Long.MAX_VALUE, quota.left("bob"));
        assertTrue(quota.claim("bob", Long.MAX_VALUE / 2));

        quota.remember("carol", 10);
        quota.remember("carol", Long.MAX_VALUE); // the limit was lifted
        assertEquals(Long.MAX_VALUE, quota.left("carol"));
    }

    @Test
    void concurrentClaimsNeverTakeMoreThanTheRoom() throws Exception {
        quota.remember("dave", 10_000);
        AtomicLong granted = new AtomicLong();
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<?>> claims = new ArrayList<>();
            for (int i = 0; i < 1000; i++) {
                claims.add(pool.submit(() -> {
                    if (quota.claim("dave", 30)) {
                        granted.addAndGet(30);
                    }
                }));
            }
            for (Future<?> claim : claims) {
                claim.get();
            }
        } finally {
            pool.shutdown();
        }
        assertEquals(9_990, granted.get());
        assertEquals(10, quota.left("dave"));
    }
}
