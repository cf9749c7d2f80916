package org.cloudweb.monitor.alert;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;
import jakarta.mail.MessagingException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.RejectedExecutionException;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.cloudweb.monitor.stats.HostSampled;

/**
 * Evaluates the alert rules after every tick of this node's monitor, on its thread: the host's rules from
 * memory ({@link RuleCache}: read again after a change through this node, and at least every 30 s), the
 * comparisons in memory ({@link AlertStates}), and database writes only when a pair fires, resolves or has been
 * notified. E-mails go out on the managed executor, so a slow SMTP server never holds up the tick.
 */
@ApplicationScoped
public class AlertEvaluator implements AlertActions {

    private static final Logger LOG = Logger.getLogger(AlertEvaluator.class.getName());

    @Inject
    AlertStore store;

    @Inject
    AlertMailer mailer;

    @Resource
    ManagedExecutorService executor;

    private AlertStates states;
    private RuleCache rules;

    @PostConstruct
    void start() {
        states = new AlertStates(this);
        rules = new RuleCache(hostId -> store.activeRules(hostId), System::nanoTime);
    }

    /** After a rule changed through this node (committed or not: reading again is harmless). */
    void rulesChanged(@Observes(during = TransactionPhase.AFTER_COMPLETION) AlertRulesChanged changed) {
        rules.invalidate();
    }

    void onSample(@Observes HostSampled sampled) {
        try {
            List<Rule> active = rules.rules(sampled.hostId());
            states.evaluate(sampled.hostId(), active, sampled.sample(), Instant.now());
        } catch (RuntimeException e) {
            // the database may be briefly away: the next tick evaluates again
            LOG.log(Level.WARNING, "Alert rules not evaluated: {0}", e.toString());
            LOG.log(Level.FINE, "Alert evaluation failure", e);
        }
    }

    @Override
    public Optional<OpenEvent> openEvent(long ruleId, int hostId) {
        return store.openEvent(ruleId, hostId);
    }

    @Override
    public long fire(Rule rule, int hostId, double value, Instant at) {
        return store.fire(rule.id(), hostId, value, at);
    }

    @Override
    public void resolve(long eventId, double value, Instant at) {
        store.resolve(eventId, value, at);
    }

    @Override
    public void notify(Notice notice) {
        try {
            executor.execute(() -> deliver(notice));
        } catch (RejectedExecutionException e) {
            LOG.log(Level.WARNING, "Alert e-mail not queued: {0}", e.toString());
            states.failed(notice);
        }
    }

    private void deliver(Notice notice) {
        boolean sent;
        try {
            sent = mailer.send(notice);
        } catch (MessagingException | RuntimeException e) {
            LOG.log(Level.WARNING, "Alert e-mail about rule {0} on host {1} not sent, to be tried again: {2}",
                    new Object[] {notice.rule().id(), notice.hostId(), e.toString()});
            LOG.log(Level.FINE, "Alert e-mail failure", e);
            states.failed(notice);
            return;
        }
        if (!sent) {
            LOG.log(Level.FINE, "No SMTP server configured: alert e-mail about rule {0} not sent",
                    notice.rule().id());
            states.failed(notice);
            return;
        }
        Instant at = Instant.now();
        states.delivered(notice, at);
        LOG.log(Level.FINE, "Alert e-mail ({0}) about rule {1} on host {2} sent",
                new Object[] {notice.kind(), notice.rule().id(), notice.hostId()});
        try {
            store.notified(notice.eventId(), at);
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "Alert e-mail sent but not counted on event {0}: {1}",
                    new Object[] {notice.eventId(), e.toString()});
        }
    }
}
