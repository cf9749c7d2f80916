package org.cloudweb.persistence.quota;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import jakarta.validation.constraints.PositiveOrZero;

/** A user's limits (null = unlimited) and usage. */
@Entity
@Table(name = "quota")
@NamedQuery(name = Quota.ADJUST_USAGE, query = "UPDATE Quota q SET q.usedBytes = q.usedBytes + :bytes,"
        + " q.usedObjects = q.usedObjects + :objects WHERE q.userId = :user")
@NamedQuery(name = Quota.CLAIM_USAGE, query = "UPDATE Quota q SET q.usedBytes = q.usedBytes + :bytes,"
        + " q.usedObjects = q.usedObjects + :objects WHERE q.userId = :user"
        + " AND (:bytes <= 0 OR q.maxBytes IS NULL OR q.usedBytes + :bytes <= q.maxBytes)"
        + " AND (:objects <= 0 OR q.maxObjects IS NULL OR q.usedObjects + :objects <= q.maxObjects)")
public class Quota {

    /** Adds (or, with negative numbers, takes away) usage in the database, exact under concurrent writers. */
    public static final String ADJUST_USAGE = "Quota.adjustUsage";
    /** Adds usage only if it stays within the limits: the check and the update in one statement. */
    public static final String CLAIM_USAGE = "Quota.claimUsage";

    @Id
    @Column(name = "user_id")
    private Long userId;

    @PositiveOrZero
    @Column(name = "max_bytes")
    private Long maxBytes;

    @PositiveOrZero
    @Column(name = "max_objects")
    private Long maxObjects;

    @PositiveOrZero
    @Column(name = "used_bytes", nullable = false)
    private long usedBytes;

    @PositiveOrZero
    @Column(name = "used_objects", nullable = false)
    private long usedObjects;

    protected Quota() {
    }

    public Quota(Long userId, Long maxBytes, Long maxObjects) {
        this.userId = userId;
        this.maxBytes = maxBytes;
        this.maxObjects = maxObjects;
    }

    public Long getUserId() {
        return userId;
    }

    public Long getMaxBytes() {
        return maxBytes;
    }

    public void setMaxBytes(Long maxBytes) {
        this.maxBytes = maxBytes;
    }

    public Long getMaxObjects() {
        return maxObjects;
    }

    public void setMaxObjects(Long maxObjects) {
        this.maxObjects = maxObjects;
    }

    public long getUsedBytes() {
        return usedBytes;
    }

    public long getUsedObjects() {
        return usedObjects;
    }
}
