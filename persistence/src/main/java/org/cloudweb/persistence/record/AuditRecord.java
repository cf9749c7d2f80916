package org.cloudweb.persistence.record;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.Instant;

/**
 * One entry of the audit trail (table {@code record}). User and object are plain ids, not associations:
 * the foreign keys set them to null when the user or object is deleted, and the path keeps what it was.
 */
@Entity
@Table(name = "record")
@NamedQuery(name = AuditRecord.RECENT_FAILURES, query = "SELECT r.time FROM AuditRecord r"
        + " WHERE r.action = :action AND r.status = :status AND r.time > :since"
        + " AND (r.detail = :detail OR r.client = :client) ORDER BY r.time")
public class AuditRecord {

    /** Times of recent records of one action and status, by subject (detail) or client, oldest first. */
    public static final String RECENT_FAILURES = "AuditRecord.recentFailures";

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @NotNull
    @Column(nullable = false)
    private Instant time;

    @Column(name = "user_id")
    private Long userId;

    @NotNull
    @Size(max = 32)
    @Column(nullable = false, length = 32)
    private String action;

    @Size(max = 4096)
    @Column(length = 4096)
    private String path;

    @Column(name = "object_id")
    private Long objectId;

    @Column(nullable = false)
    private int status;

    @Column(nullable = false)
    private long bytes;

    @Size(max = 45)
    @Column(length = 45)
    private String client;

    @Size(max = 255)
    @Column(length = 255)
    private String detail;

    protected AuditRecord() {
    }

    public AuditRecord(Long userId, String action, String path, Long objectId, int status, long bytes,
                       String client, String detail) {
        this.time = Instant.now();
        this.userId = userId;
        this.action = action;
        this.path = path;
        this.objectId = objectId;
        this.status = status;
        this.bytes = bytes;
        this.client = client;
        this.detail = detail;
    }

    public Long getId() {
        return id;
    }

    public Instant getTime() {
        return time;
    }

    public Long getUserId() {
        return userId;
    }

    public String getAction() {
        return action;
    }

    public String getPath() {
        return path;
    }

    public Long getObjectId() {
        return objectId;
    }

    public int getStatus() {
        return status;
    }

    public long getBytes() {
        return bytes;
    }

    public String getClient() {
        return client;
    }

    public String getDetail() {
        return detail;
    }
}
