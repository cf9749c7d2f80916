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
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;
import java.time.Instant;

/**
 * A threshold rule: the alert fires once {@code metric comparison threshold} has held for {@code forSeconds} on
 * a host (or every host), and clears once the comparison no longer holds against the clear threshold.
 */
@Entity
@Table(name = "alert_rule")
@NamedQuery(name = AlertRule.ALL, query = "SELECT r FROM AlertRule r ORDER BY r.id")
@NamedQuery(name = AlertRule.ACTIVE_FOR_HOST, query = "SELECT r FROM AlertRule r WHERE r.enabled = TRUE"
        + " AND (r.hostId IS NULL OR r.hostId = :host) ORDER BY r.id")
public class AlertRule {

    /** Every rule, oldest first. */
    public static final String ALL = "AlertRule.all";
    /** The enabled rules that apply to a host, oldest first. */
    public static final String ACTIVE_FOR_HOST = "AlertRule.activeForHost";

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @NotNull
    @Size(min = 1, max = 255)
    @Column(nullable = false, length = 255)
    private String name;

    @NotNull
    @Size(min = 1, max = 32)
    @Column(nullable = false, length = 32)
    private String metric;

    @Column(name = "host_id")
    private Integer hostId;

    @NotNull
    @Pattern(regexp = ">|>=|<|<=")
    @Column(nullable = false)
    private String comparison;

    @Column(nullable = false)
    private double threshold;

    @Column(name = "clear_threshold")
    private Double clearThreshold;

    @PositiveOrZero
    @Column(name = "for_seconds", nullable = false)
    private long forSeconds;

    @PositiveOrZero
    @Column(name = "repeat_seconds")
    private Long repeatSeconds;

    @Size(max = 4000)
    @Column(length = 4000)
    private String recipients;

    @Column(nullable = false)
    private boolean enabled = true;

    @NotNull
    @Column(name = "created_at", nullable = false)
    private Instant createdAt = Instant.now();

    @NotNull
    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt = createdAt;

    public AlertRule() {
    }

    public Long getId() {
        return id;
    }

    public String getName() {
        return name;
    }

    public void setName(String name) {
        this.name = name;
    }

    public String getMetric() {
        return metric;
    }

    public void setMetric(String metric) {
        this.metric = metric;
    }

    /** The host the rule watches, or null for every host. */
    public Integer getHostId() {
        return hostId;
    }

    public void setHostId(Integer hostId) {
        this.hostId = hostId;
    }

    public String getComparison() {
        return comparison;
    }

    public void setComparison(String comparison) {
        this.comparison = comparison;
    }

    public double getThreshold() {
        return threshold;
    }

    public void setThreshold(double threshold) {
        this.threshold = threshold;
    }

    /** Where the alert clears, or null for the threshold itself. */
    public Double getClearThreshold() {
        return clearThreshold;
    }

    public void setClearThreshold(Double clearThreshold) {
        this.clearThreshold = clearThreshold;
    }

    public long getForSeconds() {
        return forSeconds;
    }

    public void setForSeconds(long forSeconds) {
        this.forSeconds = forSeconds;
    }

    /** The reminder interval while the alert fires, or null for no reminders. */
    public Long getRepeatSeconds() {
        return repeatSeconds;
    }

    public void setRepeatSeconds(Long repeatSeconds) {
        this.repeatSeconds = repeatSeconds;
    }

    /** Comma-separated e-mail addresses, or null for every enabled administrator. */
    public String getRecipients() {
        return recipients;
    }

    public void setRecipients(String recipients) {
        this.recipients = recipients;
    }

    public boolean isEnabled() {
        return enabled;
    }

    public void setEnabled(boolean enabled) {
        this.enabled = enabled;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }

    public Instant getUpdatedAt() {
        return updatedAt;
    }

    public void touch() {
        this.updatedAt = Instant.now();
    }
}
