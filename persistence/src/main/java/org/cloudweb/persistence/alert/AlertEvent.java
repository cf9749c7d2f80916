package org.cloudweb.persistence.alert;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import java.time.Instant;

/** One firing of a rule on a host, from when it fired until it resolved, with the notifications it sent. */
@Entity
@Table(name = "alert_event")
@NamedQuery(name = AlertEvent.OPEN, query = "SELECT e FROM AlertEvent e WHERE e.ruleId = :rule AND e.hostId = :host"
        + " AND e.state = 'firing' ORDER BY e.id DESC")
public class AlertEvent {

    /** The firing event of a rule on a host (at most one; newest first should there be more). */
    public static final String OPEN = "AlertEvent.open";
    public static final String FIRING = "firing";
    public static final String RESOLVED = "resolved";

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @NotNull
    @Column(name = "rule_id", nullable = false)
    private Long ruleId;

    @NotNull
    @Column(name = "host_id", nullable = false)
    private Integer hostId;

    @NotNull
    @Pattern(regexp = FIRING + "|" + RESOLVED)
    @Column(nullable = false)
    private String state = FIRING;

    @Column(nullable = false)
    private double value;

    @Column(name = "resolved_value")
    private Double resolvedValue;

    @NotNull
    @Column(name = "started_at", nullable = false)
    private Instant startedAt;

    @Column(name = "resolved_at")
    private Instant resolvedAt;

    @Column(name = "last_notified_at")
    private Instant lastNotifiedAt;

    @Column(nullable = false)
    private int notifications;

    protected AlertEvent() {
    }

    /** A rule that fired on a host with a value at a time. */
    public AlertEvent(long ruleId, int hostId, double value, Instant startedAt) {
        this.ruleId = ruleId;
        this.hostId = hostId;
        this.value = value;
        this.startedAt = startedAt;
    }

    public Long getId() {
        return id;
    }

    public Long getRuleId() {
        return ruleId;
    }

    public Integer getHostId() {
        return hostId;
    }

    public String getState() {
        return state;
    }

    /** The value that made it fire. */
    public double getValue() {
        return value;
    }

    public Double getResolvedValue() {
        return resolvedValue;
    }

    public Instant getStartedAt() {
        return startedAt;
    }

    public Instant getResolvedAt() {
        return resolvedAt;
    }

    public Instant getLastNotifiedAt() {
        return lastNotifiedAt;
    }

    /** How many notices about it were sent (firing, reminders, resolved). */
    public int getNotifications() {
        return notifications;
    }
}
