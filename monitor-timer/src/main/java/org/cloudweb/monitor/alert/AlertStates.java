package org.cloudweb.monitor.alert;

import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.cloudweb.monitor.stats.Sample;

/**
 * The state of every (rule, host) pair this node evaluates, in memory: ok → pending (the condition holds, since
 * a time) → firing once it has held for the rule's {@code for} duration (an event is stored and notified) →
 * resolved once the value no longer meets the clear threshold (the event is updated and notified) → ok. While
 * an alert fires, a reminder goes out at most once per {@code repeat}. A notice that could not be sent stays due
 * and goes out at the next evaluation; one notice per pair is in flight at a time.
 *
 * <p>A rule that changed or disappeared loses its pairs' state; the next evaluation starts them afresh, taking
 * over an event still firing in the database (as after a restart) rather than firing a second one. Evaluation
 * runs on the monitor's thread; outcomes of notices arrive on others, hence the lock.
 */
public final class AlertStates {

    private static final Logger LOG = Logger.getLogger(AlertStates.class.getName());

    /** Where a pair stands. */
    public enum Phase {
        OK, PENDING, FIRING
    }

    /**
     * A pair's state, as tests and logs see it.
     *
     * @param eventId the firing event, or null
     */
    public record View(Phase phase, Instant pendingSince, Long eventId, Instant lastNotifiedAt, int notifications,
                       boolean resolvedNoticeOwed, boolean sending) {
    }

    private record Key(long ruleId, int hostId) {
    }

    private static final class Tracked {
        Phase phase = Phase.OK;
        Instant pendingSince;
        long eventId;
        double value;
        double latest;
        Instant startedAt;
        Instant lastNotifiedAt;
        int notifications;
        Notice owedResolved;
        Notice inFlight;
    }

    private final AlertActions actions;
    private final Map<Key, Tracked> states = new HashMap<>();
    private Map<Long, Rule> rules = new HashMap<>();

    public AlertStates(AlertActions actions) {
        this.actions = actions;
    }

    /**
     * Evaluates one sample of a host against the enabled rules that apply to it, as they are now. A failure
     * (the database away) leaves that pair as it was, to be tried again with the next sample.
     */
    public synchronized void evaluate(int hostId, List<Rule> current, Sample sample, Instant now) {
        forgetChanged(current);
        for (Rule rule : current) {
            try {
                evaluate(rule, hostId, sample, now);
            } catch (RuntimeException e) {
                LOG.log(Level.WARNING, "Alert rule {0} on host {1} not evaluated: {2}",
                        new Object[] {rule.id(), hostId, e.toString()});
                LOG.log(Level.FINE, "Alert evaluation failure", e);
            }
        }
    }

    /** A notice went out at {@code at}. */
    public synchronized void delivered(Notice notice, Instant at) {
        Tracked t = states.get(new Key(notice.rule().id(), notice.hostId()));
        if (t == null || t.inFlight != notice) {
            return; // the rule changed meanwhile: its pairs start afresh
        }
        t.inFlight = null;
        if (notice.kind() == Notice.Kind.RESOLVED) {
            if (t.owedResolved == notice) {
                t.owedResolved = null;
            }
        } else if (t.phase == Phase.FIRING && t.eventId == notice.eventId()) {
            t.lastNotifiedAt = at;
            t.notifications++;
        }
    }

    /** A notice could not be sent: it stays due. */
    public synchronized void failed(Notice notice) {
        Tracked t = states.get(new Key(notice.rule().id(), notice.hostId()));
        if (t != null && t.inFlight == notice) {
            t.inFlight = null;
        }
    }

    /** A pair's state, if it is tracked. */
    public synchronized Optional<View> view(long ruleId, int hostId) {
        Tracked t = states.get(new Key(ruleId, hostId));
        return t == null ? Optional.empty() : Optional.of(new View(t.phase, t.pendingSince,
                t.phase == Phase.FIRING ? t.eventId : null, t.lastNotifiedAt, t.notifications,
                t.owedResolved != null, t.inFlight != null));
    }

    private void forgetChanged(List<Rule> current) {
        Map<Long, Rule> byId = new HashMap<>();
        current.forEach(rule -> byId.put(rule.id(), rule));
        for (Rule known : rules.values()) {
            if (!known.equals(byId.get(known.id()))) {
                states.keySet().removeIf(key -> key.ruleId() == known.id());
                LOG.log(Level.FINE, "Alert rule {0} changed or gone: its state starts afresh", known.id());
            }
        }
        rules = byId;
    }

    private void evaluate(Rule rule, int hostId, Sample sample, Instant now) {
        Key key = new Key(rule.id(), hostId);
        Tracked t = states.get(key);
        if (t == null) {
            t = pickUp(rule, hostId);
            states.put(key, t);
        }
        OptionalDouble measured = rule.metric().of(sample);
        if (measured.isPresent()) {
            double value = measured.getAsDouble();
            t.latest = value;
            switch (t.phase) {
                case OK -> {
                    if (rule.breached(value)) {
                        t.phase = Phase.PENDING;
                        t.pendingSince = now;
                    }
                }
                case PENDING -> {
                    if (!rule.breached(value)) {
                        t.phase = Phase.OK;
                    }
                }
                case FIRING -> {
                    if (rule.clearedBy(value)) {
                        resolve(rule, hostId, t, value, now);
                    }
                }
            }
            if (t.phase == Phase.PENDING && !now.isBefore(t.pendingSince.plus(rule.forDuration()))) {
                fire(rule, hostId, t, value, now);
            }
        }
        Notice due = due(rule, hostId, t, now);
        if (due != null && t.inFlight == null) {
            t.inFlight = due;
            actions.notify(due);
        }
    }

    private Tracked pickUp(Rule rule, int hostId) {
        Tracked t = new Tracked();
        actions.openEvent(rule.id(), hostId).ifPresent(open -> {
            t.phase = Phase.FIRING;
            t.eventId = open.id();
            t.value = open.value();
            t.latest = open.value();
            t.startedAt = open.startedAt();
            t.lastNotifiedAt = open.lastNotifiedAt();
            t.notifications = open.notifications();
        });
        return t;
    }

    private void fire(Rule rule, int hostId, Tracked t, double value, Instant now) {
        long eventId = actions.fire(rule, hostId, value, now);
        t.phase = Phase.FIRING;
        t.eventId = eventId;
        t.value = value;
        t.startedAt = now;
        t.lastNotifiedAt = null;
        t.notifications = 0;
        t.owedResolved = null; // a newer event supersedes the notice of an older one
        LOG.log(Level.INFO, "Alert {0} ''{1}'' firing on host {2}: {3} = {4} (event {5})", new Object[] {rule.id(),
                rule.name(), hostId, rule.metric().apiName(), value, eventId});
    }

    private void resolve(Rule rule, int hostId, Tracked t, double value, Instant now) {
        actions.resolve(t.eventId, value, now);
        t.owedResolved = new Notice(Notice.Kind.RESOLVED, rule, hostId, t.eventId, t.value, value, t.startedAt, now);
        t.phase = Phase.OK;
        LOG.log(Level.INFO, "Alert {0} ''{1}'' resolved on host {2}: {3} = {4} (event {5})", new Object[] {rule.id(),
                rule.name(), hostId, rule.metric().apiName(), value, t.eventId});
    }

    private static Notice due(Rule rule, int hostId, Tracked t, Instant now) {
        if (t.phase == Phase.FIRING) {
            if (t.lastNotifiedAt == null) {
                return new Notice(Notice.Kind.FIRING, rule, hostId, t.eventId, t.value, t.latest, t.startedAt, null);
            }
            if (rule.repeat() != null && !now.isBefore(t.lastNotifiedAt.plus(rule.repeat()))) {
                return new Notice(Notice.Kind.REMINDER, rule, hostId, t.eventId, t.value, t.latest, t.startedAt,
                        null);
            }
            return null;
        }
        return t.owedResolved;
    }
}
