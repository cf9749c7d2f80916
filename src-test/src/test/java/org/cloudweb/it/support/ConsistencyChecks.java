package org.cloudweb.it.support;

import static org.junit.jupiter.api.Assertions.assertEquals;

import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import java.net.http.HttpResponse;

/** Runs the consistency check through the API, as an administrator does. */
public final class ConsistencyChecks {

    private ConsistencyChecks() {
    }

    /** Starts a check of one account, waits for its job and answers the finished job. */
    public static JsonObject run(Api admin, String account, boolean repair) throws InterruptedException {
        HttpResponse<String> started = admin.post("admin/fsck", Api.json("account", account, "repair", repair));
        assertEquals(202, started.statusCode(), started.body());
        String job = started.headers().firstValue("Location").orElseThrow();
        String jobPath = job.substring(job.indexOf("/api/v1/") + "/api/v1/".length());
        for (int i = 0; i < 1200; i++) {
            JsonObject state = HttpJson.json(admin.get(jobPath));
            if (!"running".equals(state.getString("state"))) {
                assertEquals("done", state.getString("state"), state.toString());
                return state;
            }
            Thread.sleep(250);
        }
        throw new AssertionError("the check did not finish");
    }

    /** Whether a finished check found nothing of any kind. */
    public static boolean foundNothing(JsonObject finished) {
        return finished.getJsonObject("report").getJsonObject("findings").values().stream()
                .allMatch(count -> ((JsonNumber) count).intValue() == 0);
    }
}
