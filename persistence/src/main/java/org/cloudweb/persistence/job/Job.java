package org.cloudweb.persistence.job;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.Instant;

/** A long operation: who started it, how far it is ({@code done} of {@code total} items) and how it ended. */
@Entity
@Table(name = "job")
public class Job {

    public static final String RUNNING = "running";
    public static final String DONE = "done";
    public static final String FAILED = "failed";

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    /** The user who started it; null once that user is deleted. */
    @Column(name = "user_id")
    private Long userId;

    @NotNull
    @Size(max = 32)
    @Column(nullable = false, length = 32)
    private String kind;

    @NotNull
    @Column(nullable = false)
    private String state = RUNNING;

    @Column(nullable = false)
    private long done;

    @Column(nullable = false)
    private long total;

    @Size(max = 1024)
    @Column(length = 1024)
    private String result;

    /** A JSON object with the details of the outcome (fsck and import), or null. */
    @Column(columnDefinition = "MEDIUMTEXT")
    private String report;

    @NotNull
    @Column(name = "created_at", nullable = false)
    private Instant createdAt = Instant.now();

    @Column(name = "finished_at")
    private Instant finishedAt;

    protected Job() {
    }

    public Job(Long userId, String kind, long total) {
        this.userId = userId;
        this.kind = kind;
        this.total = total;
    }

    public Long getId() {
        return id;
    }

    public Long getUserId() {
        return userId;
    }

    public String getKind() {
        return kind;
    }

    public String getState() {
        return state;
    }

    public long getDone() {
        return done;
    }

    public void setDone(long done) {
        this.done = done;
    }

    public long getTotal() {
        return total;
    }

    public void setTotal(long total) {
        this.total = total;
    }

    public String getResult() {
        return result;
    }

    public String getReport() {
        return report;
    }

    public void setReport(String report) {
        this.report = report;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }

    public Instant getFinishedAt() {
        return finishedAt;
    }

    /** Ends the job as {@link #DONE} or {@link #FAILED} with a short result text. */
    public void finish(String endState, String resultText) {
        this.state = endState;
        this.result = resultText == null || resultText.length() <= 1024 ? resultText : resultText.substring(0, 1024);
        this.finishedAt = Instant.now();
    }
}
