package org.cloudweb.web.job;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import java.io.StringReader;
import java.time.Instant;
import org.cloudweb.persistence.job.Job;

/** A job as the API shows it; {@code report} is the detailed outcome of jobs that have one (fsck, import). */
public record JobView(long id, String kind, String state, long done, long total, String result, JsonObject report,
                      Instant createdAt, Instant finishedAt) {

    public static JobView of(Job job) {
        return new JobView(job.getId(), job.getKind(), job.getState(), job.getDone(), job.getTotal(), job.getResult(),
                report(job.getReport()), job.getCreatedAt(), job.getFinishedAt());
    }

    private static JsonObject report(String json) {
        if (json == null) {
            return null;
        }
        try (JsonReader reader = Json.createReader(new StringReader(json))) {
            return reader.readObject();
        }
    }
}
