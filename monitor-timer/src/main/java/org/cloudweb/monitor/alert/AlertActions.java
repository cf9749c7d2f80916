package org.cloudweb.monitor.alert;

import java.time.Instant;
import java.util.Optional;

/** What {@link AlertStates} asks of the outside world: the events in the database, and the notifications. */
public interface AlertActions {

    /** The firing event a node left behind for a rule and host (after a restart, or a change of the rule). */
    Optional<OpenEvent> openEvent(long ruleId, int hostId);

    /** Stores a new firing event and answers its id. */
    long fire(Rule rule, int hostId, double value, Instant at);

    /** Marks an event resolved. */
    void resolve(long eventId, double value, Instant at);

    /**
     * Sends a notice, preferably off the caller's thread; the outcome comes back through
     * {@link AlertStates#delivered} or {@link AlertStates#failed}.
     */
    void notify(Notice notice);

    /** A firing event as stored. */
    record OpenEvent(long id, double value, Instant startedAt, Instant lastNotifiedAt, int notifications) {
    }
}
