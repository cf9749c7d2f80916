package org.cloudweb.it.monitor;

import static org.cloudweb.it.support.ProblemAssertions.assertProblem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import java.io.StringReader;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import org.cloudweb.it.support.HttpJson;
import org.cloudweb.it.support.SignedInApiTest;
import org.cloudweb.it.support.TestDatabase;
import org.cloudweb.it.support.TestUsers;
import org.cloudweb.it.support.TestUsers.TestUser;
import org.junit.jupiter.api.Test;

/** {@code /hosts} over HTTP: administrators see this host with its inventory and series; nobody else does. */
class HostApiIT extends SignedInApiTest {

    @Test
    void anAdministratorSeesThisHostWithItsInventory() throws InterruptedException {
        JsonObject host = awaitHost();

        assertTrue(host.getBoolean("available"));
        assertFalse(host.getString("name").isBlank());
        assertTrue(host.getJsonNumber("memoryBytes").longValue() > 0);
        assertTrue(Instant.parse(host.getString("lastSeen")).isAfter(Instant.now().minus(5, ChronoUnit.MINUTES)));

        HttpResponse<String> response = admin.get("hosts/" + host.getInt("id"));
        assertEquals(200, response.statusCode(), response.body());
        JsonObject details = HttpJson.json(response);
        assertEquals(host.getInt("id"), details.getJsonObject("host").getInt("id"));
        JsonObject cpu = details.getJsonArray("cpus").getJsonObject(0);
        assertTrue(cpu.getInt("threads") >= 1, cpu.toString());
        assertTrue(details.getJsonArray("mounts").size() >= 1, "the file systems this host mounts");
        for (JsonObject nic : details.getJsonArray("nics").getValuesAs(JsonObject.class)) {
            assertFalse(nic.getString("name").isBlank());
            assertTrue(nic.containsKey("ipv4") && nic.containsKey("mtu") && nic.containsKey("linkUp"), nic.toString());
        }
    }

    @Test
    void seriesAreServedPerKindWithTheirColumns() throws InterruptedException {
        int id = awaitHost().getInt("id");

        HttpResponse<String> response = admin.get("hosts/" + id + "/stats/mem");

        assertEquals(200, response.statusCode(), response.body());
        JsonObject series = HttpJson.json(response);
        assertEquals("mem", series.getString("kind"));
        assertEquals("total_kib", series.getJsonArray("columns").getString(0));
        for (String kind : new String[] {"cpu", "net", "disk", "storage", "proc-io"}) {
            assertEquals(200, admin.get("hosts/" + id + "/stats/" + kind + "?from=2020-01-01T00:00:00Z").statusCode(),
                    kind);
        }
        assertProblem(admin.get("hosts/" + id + "/stats/temperature"), 404, "not_found");
        assertProblem(admin.get("hosts/" + id + "/stats/cpu?from=yesterday"), 400, "bad_request");
        assertProblem(admin.get("hosts/" + id + "/stats/cpu?from=2030-01-01T00:00:00Z&to=2020-01-01T00:00:00Z"),
                400, "bad_request");
        assertProblem(admin.get("hosts/65000/stats/cpu"), 404, "not_found");
        assertProblem(admin.get("hosts/65000"), 404, "not_found");
    }

    @Test
    void aStepOfAnHourOrMoreIsAnsweredFromTheRollups() throws Exception {
        int id = awaitHost().getInt("id");
        long h0 = Instant.parse("2020-01-01T00:00:00Z").getEpochSecond();
        try (Connection db = TestDatabase.connect()) {
            // samples, busy min/avg/max, then user, system, iowait, load at 0
            for (long[] row : new long[][] {{h0, 10, 100, 200, 300}, {h0 + 3600, 30, 400, 600, 900}}) {
                try (PreparedStatement insert = db.prepareStatement("INSERT INTO stat_cpu_hourly VALUES (?, ?, ?, ?, ?,"
                        + " ?, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0)")) {
                    insert.setInt(1, id);
                    for (int i = 0; i < row.length; i++) {
                        insert.setLong(i + 2, row[i]);
                    }
                    insert.executeUpdate();
                }
            }
        }
        try {
            String range = "hosts/" + id + "/stats/cpu?from=2020-01-01T00:00:00Z&to=2020-01-02T00:00:00Z";

            JsonObject hourly = HttpJson.json(admin.get(range + "&step=PT1H"));
            assertEquals("hourly", hourly.getString("source"));
            assertEquals(3600, hourly.getInt("step"));
            assertEquals("busy_pm_min", hourly.getJsonArray("columns").getString(0));
            assertEquals("[[" + h0 + ",10,100,200,300,0,0,0,0,0,0,0,0,0,0,0,0],[" + (h0 + 3600)
                    + ",30,400,600,900,0,0,0,0,0,0,0,0,0,0,0,0]]",
                    hourly.getJsonArray("series").getJsonObject(0).getJsonArray("points").toString());

            JsonObject daily = HttpJson.json(admin.get(range + "&step=86400"));
            assertEquals("[[" + h0 + ",40,100,500,900,0,0,0,0,0,0,0,0,0,0,0,0]]",
                    daily.getJsonArray("series").getJsonObject(0).getJsonArray("points").toString(),
                    "buckets combine hours: min of minima, average weighted by samples, max of maxima");

            JsonObject longRange = HttpJson.json(admin.get("hosts/" + id + "/stats/cpu?from=2019-12-01T00:00:00Z"
                    + "&to=2020-01-05T00:00:00Z"));
            assertEquals("hourly", longRange.getString("source"), "ranges over 2 days come from the rollups");
            assertEquals("raw", HttpJson.json(admin.get(range)).getString("source"));

            assertProblem(admin.get(range + "&step=hourly"), 400, "bad_request");
            assertProblem(admin.get(range + "&step=PT90M"), 400, "bad_request");
            assertProblem(admin.get("hosts/" + id + "/stats/cpu?from=2019-12-01T00:00:00Z&to=2020-01-05T00:00:00Z"
                    + "&step=PT10S"), 400, "bad_request");
        } finally {
            try (Connection db = TestDatabase.connect();
                 PreparedStatement delete = db.prepareStatement(
                         "DELETE FROM stat_cpu_hourly WHERE host_id = ? AND hour < ?")) {
                delete.setInt(1, id);
                delete.setLong(2, h0 + 86400);
                delete.executeUpdate();
            }
        }
    }

    @Test
    void withoutAStepADayOfRawSamplesComesInFiveMinuteBuckets() throws Exception {
        int id = awaitHost().getInt("id");
        long t0 = Instant.parse("2020-02-01T00:00:00Z").getEpochSecond();
        try (Connection db = TestDatabase.connect()) {
            // time, seq, busy; user, system, iowait and load follow from busy
            for (long[] row : new long[][] {{t0, 1, 100}, {t0 + 10, 2, 300}, {t0 + 290, 3, 200}, {t0 + 300, 4, 50}}) {
                try (PreparedStatement insert = db.prepareStatement("INSERT INTO stat_cpu (host_id, time, seq, busy_pm,"
                        + " user_pm, system_pm, iowait_pm, load1_centi) VALUES (?, ?, ?, ?, 0, 0, 0, 0)")) {
                    insert.setInt(1, id);
                    insert.setLong(2, row[0]);
                    insert.setLong(3, row[1]);
                    insert.setLong(4, row[2]);
                    insert.executeUpdate();
                }
            }
        }
        try {
            String day = "hosts/" + id + "/stats/cpu?from=2020-02-01T00:00:00Z&to=2020-02-02T00:00:00Z";

            JsonObject buckets = HttpJson.json(admin.get(day));
            assertEquals("raw", buckets.getString("source"));
            assertEquals(300, buckets.getInt("step"));
            assertEquals("busy_pm_min", buckets.getJsonArray("columns").getString(0));
            assertEquals("[[" + t0 + ",3,100,200,300,0,0,0,0,0,0,0,0,0,0,0,0],[" + (t0 + 300)
                    + ",1,50,50,50,0,0,0,0,0,0,0,0,0,0,0,0]]",
                    buckets.getJsonArray("series").getJsonObject(0).getJsonArray("points").toString(),
                    "buckets of samples: count, min, average, max");

            JsonObject every = HttpJson.json(admin.get(day + "&step=PT10S"));
            assertEquals("raw", every.getString("source"));
            assertTrue(!every.containsKey("step") || every.isNull("step"), every.toString());
            assertEquals(4, every.getJsonArray("series").getJsonObject(0).getJsonArray("points").size(),
                    "a step under an hour still answers every sample");
        } finally {
            try (Connection db = TestDatabase.connect();
                 PreparedStatement delete = db.prepareStatement(
                         "DELETE FROM stat_cpu WHERE host_id = ? AND time < ?")) {
                delete.setInt(1, id);
                delete.setLong(2, t0 + 86400);
                delete.executeUpdate();
            }
        }
    }

    @Test
    void hostsAreForAdministratorsOnly() throws InterruptedException {
        int id = awaitHost().getInt("id");
        TestUser user = TestUsers.create(admin, "hosts");
        var asUser = api.as(api.login(user.email(), user.password()));

        assertProblem(asUser.get("hosts"), 403, "forbidden");
        assertProblem(asUser.get("hosts/" + id), 403, "forbidden");
        assertProblem(asUser.get("hosts/" + id + "/stats/cpu"), 403, "forbidden");
        assertProblem(api.get("hosts"), 401, "unauthorized");
    }

    /** This host, once the monitor's first tick (a second after deployment) has registered it. */
    private JsonObject awaitHost() throws InterruptedException {
        long deadline = System.nanoTime() + 30_000_000_000L;
        while (true) {
            HttpResponse<String> response = admin.get("hosts");
            assertEquals(200, response.statusCode(), response.body());
            JsonArray hosts;
            try (JsonReader reader = Json.createReader(new StringReader(response.body()))) {
                hosts = reader.readArray();
            }
            for (JsonObject host : hosts.getValuesAs(JsonObject.class)) {
                if (!host.getString("name").equals("concurrent-test") && host.getBoolean("available")
                        && host.containsKey("inventoryAt")) {
                    return host;
                }
            }
            assertTrue(System.nanoTime() < deadline, "no host registered: " + response.body());
            Thread.sleep(500);
        }
    }
}
