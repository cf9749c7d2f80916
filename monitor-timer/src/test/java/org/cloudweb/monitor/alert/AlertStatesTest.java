package org.cloudweb.monitor.alert;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.cloudweb.monitor.stats.Sample;
import org.junit.jupiter.api.Test;

/** The state machine of alerts, driven by a clock of its own: ten-second ticks of a host's memory use. */
class AlertStatesTest {

    private static final int HOST = 7;
    private static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");

    private final FakeEvents events = new FakeEvents();
    private AlertStates states = new AlertStates(events);
    private Instant now = T0;

    @Test
    void firesOnlyOnceTheConditionHeldForTheForDuration() {
        Rule rule = rule(1, Comparison.GREATER, 80, null, Duration.ofSeconds(30), null);

        tick(rule, 90); // pending from here
        tick(rule, 91);
        tick(rule, 92);
        assertEquals(AlertStates.Phase.PENDING, phase(rule));
        assertTrue(events.stored.isEmpty(), "not before 30 s");

        tick(rule, 93);

        assertEquals(AlertStates.Phase.FIRING, phase(rule));
        assertEquals(1, events.stored.size());
        Event event = events.only();
        assertEquals(T0.plusSeconds(30), event.startedAt, "fired when the condition had held for 30 s");
        assertEquals(93.0, event.value, 0.01);
        assertEquals(List.of(Notice.Kind.FIRING), events.sentKinds());
    }

    @Test
    void aDipBelowTheThresholdStartsTheForDurationAgain() {
        Rule rule = rule(1, Comparison.GREATER, 80, null, Duration.ofSeconds(30), null);

        tick(rule, 90);
        tick(rule, 85);
        tick(rule, 79); // t20: condition false, back to ok
        assertEquals(AlertStates.Phase.OK, phase(rule));
        tick(rule, 90); // t30: pending again from here
        tick(rule, 90);
        tick(rule, 90);
        assertTrue(events.stored.isEmpty(), "t50 is only 20 s after the condition held again");
        tick(rule, 90);

        assertEquals(T0.plusSeconds(60), events.only().startedAt);
    }

    @Test
    void aZeroForDurationFiresAtTheFirstSampleThatBreaches() {
        Rule rule = rule(1, Comparison.LESS, 10, null, Duration.ZERO, null);

        tick(rule, 50);
        tick(rule, 5);

        assertEquals(T0.plusSeconds(10), events.only().startedAt);
    }

    @Test
    void staysFiringUntilTheValueCrossesTheClearThreshold() {
        Rule rule = rule(1, Comparison.GREATER, 80, 70.0, Duration.ZERO, null);

        tick(rule, 90);
        tick(rule, 79); // below the threshold, above the clear threshold
        tick(rule, 75);
        assertEquals(AlertStates.Phase.FIRING, phase(rule), "hysteresis: still firing between 70 and 80");
        assertEquals("firing", events.only().state);

        tick(rule, 70); // not > 70: clears

        assertEquals(AlertStates.Phase.OK, phase(rule));
        Event event = events.only();
        assertEquals("resolved", event.state);
        assertEquals(T0.plusSeconds(30), event.resolvedAt);
        assertEquals(70.0, event.resolvedValue, 0.01);
        assertEquals(List.of(Notice.Kind.FIRING, Notice.Kind.RESOLVED), events.sentKinds());
        assertEquals(2, event.notifications, "the firing and the resolved notice");

        tick(rule, 79);
        assertEquals(1, events.stored.size(), "79 does not breach > 80: nothing fires again");
    }

    @Test
    void withoutAClearThresholdTheAlertClearsAtTheThreshold() {
        Rule rule = rule(1, Comparison.GREATER_OR_EQUAL, 80, null, Duration.ZERO, null);

        tick(rule, 80);
        tick(rule, 80);
        assertEquals(AlertStates.Phase.FIRING, phase(rule));
        tick(rule, 79.9);

        assertEquals("resolved", events.only().state);
    }

    @Test
    void remindsAtMostOncePerRepeatInterval() {
        Rule rule = rule(1, Comparison.GREATER, 80, null, Duration.ZERO, Duration.ofMinutes(1));

        for (int i = 0; i < 31; i++) { // 5 minutes of ticks, t0 to t300
            tick(rule, 90);
        }

        assertEquals(List.of(Notice.Kind.FIRING, Notice.Kind.REMINDER, Notice.Kind.REMINDER, Notice.Kind.REMINDER,
                Notice.Kind.REMINDER, Notice.Kind.REMINDER), events.sentKinds());
        assertEquals(List.of(T0, T0.plusSeconds(60), T0.plusSeconds(120), T0.plusSeconds(180), T0.plusSeconds(240),
                T0.plusSeconds(300)), events.sentTimes);
        assertEquals(6, states.view(1, HOST).orElseThrow().notifications());
        assertEquals(6, events.only().notifications);
    }

    @Test
    void withoutARepeatIntervalThereAreNoReminders() {
        Rule rule = rule(1, Comparison.GREATER, 80, null, Duration.ZERO, null);

        for (int i = 0; i < 360; i++) { // an hour
            tick(rule, 90);
        }

        assertEquals(List.of(Notice.Kind.FIRING), events.sentKinds());
        assertEquals(1, events.only().notifications);
    }

    @Test
    void aNoticeThatFailedIsSentAgainAtTheNextTickAndCountedOnlyOnceSent() {
        Rule rule = rule(1, Comparison.GREATER, 80, null, Duration.ZERO, Duration.ofHours(1));
        events.outcome = Outcome.FAIL;

        tick(rule, 90);
        tick(rule, 90);
        assertEquals(0, states.view(1, HOST).orElseThrow().notifications());
        assertEquals(0, events.only().notifications);
        events.outcome = Outcome.DELIVER;
        tick(rule, 90);
        tick(rule, 90);

        assertEquals(List.of(Notice.Kind.FIRING, Notice.Kind.FIRING, Notice.Kind.FIRING), events.sentKinds(),
                "tried at every tick until it went out, then quiet (the repeat is an hour)");
        AlertStates.View view = states.view(1, HOST).orElseThrow();
        assertEquals(1, view.notifications());
        assertEquals(T0.plusSeconds(20), view.lastNotifiedAt());
        assertEquals(T0, events.only().startedAt, "the event itself was stored once, at the first tick");
    }

    @Test
    void aResolvedNoticeThatFailedIsSentAgainEvenThoughTheAlertIsOver() {
        Rule rule = rule(1, Comparison.GREATER, 80, null, Duration.ZERO, null);
        tick(rule, 90);
        events.outcome = Outcome.FAIL;
        tick(rule, 10);
        assertTrue(states.view(1, HOST).orElseThrow().resolvedNoticeOwed());
        events.outcome = Outcome.DELIVER;
        tick(rule, 10);
        tick(rule, 10);

        assertEquals(List.of(Notice.Kind.FIRING, Notice.Kind.RESOLVED, Notice.Kind.RESOLVED), events.sentKinds());
        assertFalse(states.view(1, HOST).orElseThrow().resolvedNoticeOwed());
    }

    @Test
    void oneNoticeIsInFlightAtATime() {
        Rule rule = rule(1, Comparison.GREATER, 80, null, Duration.ZERO, Duration.ofMinutes(1));
        events.outcome = Outcome.HANG;

        for (int i = 0; i < 20; i++) {
            tick(rule, 90);
        }

        assertEquals(1, events.sent.size(), "a slow server gets one notice, not one per tick");
        assertTrue(states.view(1, HOST).orElseThrow().sending());
        states.delivered(events.sent.get(0), now);
        assertEquals(1, states.view(1, HOST).orElseThrow().notifications());
    }

    @Test
    void aChangedRuleStartsItsPendingTimeAfresh() {
        Rule rule = rule(1, Comparison.GREATER, 80, null, Duration.ofSeconds(30), null);
        tick(rule, 90);
        tick(rule, 90);
        Rule changed = rule(1, Comparison.GREATER, 85, null, Duration.ofSeconds(30), null);

        tick(changed, 90); // t20: pending again from here
        tick(changed, 90);
        tick(changed, 90);
        assertTrue(events.stored.isEmpty(), "t40 is 20 s after the change");
        tick(changed, 90);

        assertEquals(T0.plusSeconds(50), events.only().startedAt);
    }

    @Test
    void aChangedRuleTakesOverItsFiringEventAndResolvesItWithTheNewThresholds() {
        Rule rule = rule(1, Comparison.GREATER, 50, null, Duration.ZERO, Duration.ofHours(1));
        tick(rule, 60);
        Rule raised = rule(1, Comparison.GREATER, 100, null, Duration.ZERO, Duration.ofHours(1));

        tick(raised, 60);

        assertEquals(1, events.stored.size(), "no second event");
        assertEquals("resolved", events.only().state);
        assertEquals(List.of(Notice.Kind.FIRING, Notice.Kind.RESOLVED), events.sentKinds(),
                "the firing notice is not sent again");
    }

    @Test
    void afterARestartTheFiringEventIsTakenOverNotDuplicated() {
        Rule rule = rule(1, Comparison.GREATER, 80, null, Duration.ZERO, Duration.ofMinutes(5));
        tick(rule, 90);
        tick(rule, 90);

        states = new AlertStates(events); // the node restarted: nothing in memory, the event in the database
        now = T0.plusSeconds(200);
        tick(rule, 90);

        assertEquals(1, events.stored.size());
        assertEquals(AlertStates.Phase.FIRING, phase(rule));
        assertEquals(List.of(Notice.Kind.FIRING), events.sentKinds(), "already notified before the restart");
        now = T0.plusSeconds(300);
        tick(rule, 90);
        assertEquals(List.of(Notice.Kind.FIRING, Notice.Kind.REMINDER), events.sentKinds(),
                "reminders go on from the last notice before the restart");
        assertEquals(2, events.only().notifications);
    }

    @Test
    void aRuleThatIsGoneIsForgotten() {
        Rule rule = rule(1, Comparison.GREATER, 80, null, Duration.ofSeconds(30), null);
        tick(rule, 90);

        states.evaluate(HOST, List.of(), memory(90), now);

        assertTrue(states.view(1, HOST).isEmpty());
    }

    @Test
    void aSampleWithoutTheMetricChangesNothing() {
        Rule rule = new Rule(1, "busy", AlertMetric.CPU_BUSY, null, Comparison.GREATER, 50, null, Duration.ZERO,
                null, List.of(), true, T0, T0);

        states.evaluate(HOST, List.of(rule), memory(90), now); // the first tick: no CPU share yet

        assertEquals(AlertStates.Phase.OK, phase(rule));
        assertTrue(events.stored.isEmpty());
    }

    @Test
    void aFailingDatabaseLeavesThePairPendingUntilTheNextTick() {
        Rule rule = rule(1, Comparison.GREATER, 80, null, Duration.ZERO, null);
        events.database = false;

        tick(rule, 90);
        assertTrue(states.view(1, HOST).isEmpty(), "not even picked up without the database");
        events.database = true;
        tick(rule, 90);

        assertEquals(T0.plusSeconds(10), events.only().startedAt);
    }

    // --- the clock, the samples and the outside world

    private void tick(Rule rule, double memoryUsedPercent) {
        states.evaluate(HOST, List.of(rule), memory(memoryUsedPercent), now);
        now = now.plusSeconds(10);
    }

    private AlertStates.Phase phase(Rule rule) {
        return states.view(rule.id(), HOST).orElseThrow().phase();
    }

    private static Rule rule(long id, Comparison comparison, double threshold, Double clear, Duration forDuration,
                             Duration repeat) {
        // the updated time stands for "a change": an edited rule is a different rule
        Instant updated = T0.plusMillis((long) threshold);
        return new Rule(id, "memory", AlertMetric.MEM_USED, null, comparison, threshold, clear, forDuration, repeat,
                List.of(), true, T0, updated);
    }

    private static Sample memory(double usedPercent) {
        long total = 1_000_000;
        long available = Math.round(total * (100 - usedPercent) / 100);
        return new Sample(T0.getEpochSecond(), null, new Sample.Memory(total, available, 0, 0), List.of(), null,
                List.of(), null, List.of(), null);
    }

    private enum Outcome {
        DELIVER, FAIL, HANG
    }

    private static final class Event {
        final long ruleId;
        final int hostId;
        final double value;
        final Instant startedAt;
        String state = "firing";
        Instant resolvedAt;
        Double resolvedValue;
        Instant lastNotifiedAt;
        int notifications;

        Event(long ruleId, int hostId, double value, Instant startedAt) {
            this.ruleId = ruleId;
            this.hostId = hostId;
            this.value = value;
            this.startedAt = startedAt;
        }
    }

    /** The events table and the mail server, as the evaluation sees them. */
    private final class FakeEvents implements AlertActions {
        final Map<Long, Event> stored = new LinkedHashMap<>();
        final List<Notice> sent = new ArrayList<>();
        final List<Instant> sentTimes = new ArrayList<>();
        Outcome outcome = Outcome.DELIVER;
        boolean database = true;

        Event only() {
            assertEquals(1, stored.size(), "events: " + stored.size());
            return stored.values().iterator().next();
        }

        List<Notice.Kind> sentKinds() {
            return sent.stream().map(Notice::kind).toList();
        }

        @Override
        public Optional<OpenEvent> openEvent(long ruleId, int hostId) {
            available();
            return stored.entrySet().stream()
                    .filter(e -> e.getValue().ruleId == ruleId && e.getValue().hostId == hostId
                            && e.getValue().state.equals("firing"))
                    .map(e -> new OpenEvent(e.getKey(), e.getValue().value, e.getValue().startedAt,
                            e.getValue().lastNotifiedAt, e.getValue().notifications))
                    .findFirst();
        }

        @Override
        public long fire(Rule rule, int hostId, double value, Instant at) {
            available();
            long id = stored.size() + 1;
            stored.put(id, new Event(rule.id(), hostId, value, at));
            return id;
        }

        @Override
        public void resolve(long eventId, double value, Instant at) {
            available();
            Event event = stored.get(eventId);
            event.state = "resolved";
            event.resolvedAt = at;
            event.resolvedValue = value;
        }

        @Override
        public void notify(Notice notice) {
            sent.add(notice);
            sentTimes.add(now);
            switch (outcome) {
                case DELIVER -> {
                    Event event = stored.get(notice.eventId());
                    event.notifications++;
                    event.lastNotifiedAt = now;
                    states.delivered(notice, now);
                }
                case FAIL -> states.failed(notice);
                case HANG -> {
                    // the answer comes later, or never
                }
            }
        }

        private void available() {
            if (!database) {
                throw new IllegalStateException("database away");
            }
        }
    }
}
