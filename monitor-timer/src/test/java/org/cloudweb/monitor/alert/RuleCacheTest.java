package org.cloudweb.monitor.alert;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class RuleCacheTest {

    private final List<Integer> reads = new ArrayList<>();
    private long now = 1_000;
    private final RuleCache cache = new RuleCache(host -> {
        reads.add(host);
        return List.of();
    }, () -> now);

    @Test
    void rulesAreReadOnceAndKeptWhileUnchanged() {
        cache.rules(1);
        now += RuleCache.MAX_AGE.toNanos() - 1;
        cache.rules(1);

        assertEquals(List.of(1), reads);
    }

    @Test
    void aChangeThroughThisNodeIsReadAtTheNextCall() {
        cache.rules(1);
        cache.invalidate();
        cache.rules(1);
        cache.rules(1);

        assertEquals(List.of(1, 1), reads);
    }

    @Test
    void rulesAreReadAgainOnceTheyAreOldForChangesThroughOtherNodes() {
        cache.rules(1);
        now += RuleCache.MAX_AGE.toNanos();
        cache.rules(1);

        assertEquals(List.of(1, 1), reads);
    }

    @Test
    void anotherHostReadsItsOwnRules() {
        cache.rules(1);
        cache.rules(2);

        assertEquals(List.of(1, 2), reads);
    }
}
