package org.cloudweb.monitor.alert;

import jakarta.annotation.security.DeclareRoles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Stateless;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Instant;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.cloudweb.ejb.error.InvalidFieldsException;
import org.cloudweb.ejb.error.NotFoundException;
import org.cloudweb.ejb.record.RecordService;
import org.cloudweb.ejb.security.Roles;
import org.cloudweb.persistence.alert.AlertRule;

/**
 * Alert rules for administrators. A change applies from the next tick on this node (it tells the evaluation,
 * {@link AlertRulesChanged}) and within 30 s on the others (they keep the rules in memory that long); a changed
 * rule's pairs start afresh there (see {@link AlertStates}). Changes are audited.
 */
@Stateless
@DeclareRoles({Roles.ADMIN, Roles.USER})
@RolesAllowed(Roles.ADMIN)
public class AlertRuleService {

    private static final Logger LOG = Logger.getLogger(AlertRuleService.class.getName());

    @PersistenceContext
    EntityManager em;

    @Inject
    RecordService records;

    @Inject
    Event<AlertRulesChanged> changed;

    /** Every rule, oldest first. */
    public List<Rule> list() {
        return em.createNamedQuery(AlertRule.ALL, AlertRule.class).getResultList().stream().map(Rule::of).toList();
    }

    /** @throws NotFoundException if there is no such rule */
    public Rule get(long id) {
        return Rule.of(find(id));
    }

    /** @throws InvalidFieldsException naming each invalid field; nothing is stored then */
    public Rule create(RuleDefinition definition) {
        Rule checked = RuleChecks.check(definition, this::hostExists);
        AlertRule row = new AlertRule();
        checked.copyTo(row);
        em.persist(row);
        em.flush();
        records.add("alert.rule.create", null, 201, describe(row));
        LOG.log(Level.INFO, "Alert rule created: {0}", describe(row));
        changed.fire(new AlertRulesChanged(row.getId()));
        return Rule.of(row);
    }

    /**
     * Replaces a rule's settings. Events still firing that the rule no longer covers (it is disabled, or now
     * watches another host) are resolved without a notice; the others are taken over by the changed rule.
     *
     * @throws NotFoundException      if there is no such rule
     * @throws InvalidFieldsException naming each invalid field; nothing is changed then
     */
    public Rule update(long id, RuleDefinition definition) {
        AlertRule row = find(id);
        Rule checked = RuleChecks.check(definition, this::hostExists);
        checked.copyTo(row);
        row.touch();
        em.flush();
        if (!checked.enabled() || checked.hostId() != null) {
            em.createNativeQuery("UPDATE alert_event SET state = 'resolved', resolved_at = ? WHERE rule_id = ?"
                    + " AND state = 'firing' AND (? OR host_id <> ?)")
                    .setParameter(1, AlertStore.utc(Instant.now())).setParameter(2, id)
                    .setParameter(3, !checked.enabled())
                    .setParameter(4, checked.hostId() == null ? 0 : checked.hostId()).executeUpdate();
        }
        records.add("alert.rule.update", null, 200, describe(row));
        LOG.log(Level.INFO, "Alert rule changed: {0}", describe(row));
        changed.fire(new AlertRulesChanged(id));
        return Rule.of(row);
    }

    /** Deletes a rule with its events. @throws NotFoundException if there is no such rule */
    public void delete(long id) {
        AlertRule row = find(id);
        String described = describe(row);
        em.remove(row);
        records.add("alert.rule.delete", null, 204, described);
        LOG.log(Level.INFO, "Alert rule deleted: {0}", described);
        changed.fire(new AlertRulesChanged(id));
    }

    private AlertRule find(long id) {
        AlertRule row = em.find(AlertRule.class, id);
        if (row == null) {
            throw new NotFoundException("No alert rule " + id);
        }
        return row;
    }

    private boolean hostExists(int hostId) {
        return !em.createNativeQuery("SELECT 1 FROM host WHERE id = ?").setParameter(1, hostId).getResultList()
                .isEmpty();
    }

    private static String describe(AlertRule row) {
        return "rule " + row.getId() + " '" + row.getName() + "': " + row.getMetric() + " " + row.getComparison()
                + " " + row.getThreshold()
                + (row.getHostId() == null ? " on every host" : " on host " + row.getHostId())
                + (row.isEnabled() ? "" : " (disabled)");
    }
}
