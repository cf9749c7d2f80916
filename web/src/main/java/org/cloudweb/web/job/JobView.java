package org.cloudweb.web.job;

import java.time.Instant;
import org.cloudweb.persistence.job.Job;

/** A job as the API shows it. */
public record JobView(long id, String kind, String state, long done, long total, String result, Instant createdAt,
                      Instant finishedAt) {

    public static JobView of(Job job) {
        return new JobView(job.getId(), job.getKind(), job.getState(), job.getDone(), job.getTotal(), job.getResult(),
                job.getCreatedAt(), job.getFinishedAt());
    }
}
