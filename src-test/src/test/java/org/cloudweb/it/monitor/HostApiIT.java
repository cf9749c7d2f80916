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
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
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
            assertEquals("5min", HttpJson.json(admin.get(range)).getString("source"), "a day: five-minute buckets");

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
            assertEquals("5min", buckets.getString("source"), "raw samples where there are no five-minute rollups");
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
            try (Connection db = TestDatabase.connect()) {
                deleteSeries(db, id, t0, t0 + 86400, "stat_cpu");
            }
        }
    }

    @Test
    void fiveMinuteBucketsCombineRollupsWithTheRawSamplesNotRolledUpYetAsTheRawSamplesAlone() throws Exception {
        int id = awaitHost().getInt("id");
        long t0 = Instant.parse("2020-03-01T00:00:00Z").getEpochSecond();
        long rolledUp = t0 + 3300; // 11 five-minute rollups, ending inside buckets of 10 and 15 minutes
        String cpuValues = "busy_pm, user_pm, system_pm, iowait_pm, load1_centi";
        String netValues = "rx_bytes_ps, tx_bytes_ps, rx_packets_ps, tx_packets_ps";
        Map<Long, String> expected = new HashMap<>();
        try (Connection db = TestDatabase.connect()) {
            // two hours at 10 s, values that vary and round both ways; net per NIC 0 (total) and 1, past 32 bits
            update(db, "INSERT INTO stat_cpu (host_id, time, seq, " + cpuValues + ") SELECT ?, ? + seq * 10, seq + 1,"
                    + " seq * 37 % 1001, seq * seq % 997, seq % 3, seq * 13 % 11, seq * 7919 % 65535"
                    + " FROM seq_0_to_719", id, t0);
            update(db, "INSERT INTO stat_net (host_id, time, seq, nic, " + netValues + ") SELECT ?, ? + s.seq * 10,"
                    + " s.seq + 1, k.seq, (s.seq * 2654435761 + k.seq) % 4294967296, s.seq * (k.seq + 1),"
                    + " s.seq % 5, s.seq % 7 FROM seq_0_to_719 s JOIN seq_0_to_1 k", id, t0);
            for (long step : new long[] {300, 600, 900}) {
                expected.put(step, rawBuckets(db, id, "stat_cpu", "0", cpuValues, t0, step)
                        + rawBuckets(db, id, "stat_net", "nic", netValues, t0, step));
            }
            // the first 55 minutes rolled up (as the rollup job writes them), and their raw samples gone, so that
            // only the rollups can answer for them
            fiveMinuteRollups(db, id, "stat_cpu", "0", cpuValues, t0, rolledUp);
            fiveMinuteRollups(db, id, "stat_net", "nic", netValues, t0, rolledUp);
            update(db, "DELETE FROM stat_cpu WHERE host_id = ? AND time >= ? AND time < ?", id, t0, rolledUp);
            update(db, "DELETE FROM stat_net WHERE host_id = ? AND time >= ? AND time < ?", id, t0, rolledUp);
        }
        try {
            String day = "hosts/" + id + "/stats/%s?from=2020-03-01T00:00:00Z&to=2020-03-02T00:00:00Z";
            for (long step : new long[] {300, 600, 900}) {
                String query = step == 300 ? "" : "&step=PT" + step / 60 + "M"; // a day's default step is 5 minutes
                JsonObject cpu = HttpJson.json(admin.get(String.format(day, "cpu") + query));
                JsonObject net = HttpJson.json(admin.get(String.format(day, "net") + query));
                assertEquals("5min", cpu.getString("source"));
                assertEquals(step, cpu.getInt("step"));
                assertEquals("busy_pm_min", cpu.getJsonArray("columns").getString(0));
                assertEquals("total", net.getJsonArray("series").getJsonObject(0).getString("device"));
                assertEquals(expected.get(step), points(cpu) + points(net),
                        "buckets of " + step + " s, across the end of the rollups, as the raw samples alone give them");
            }
        } finally {
            try (Connection db = TestDatabase.connect()) {
                deleteSeries(db, id, t0, t0 + 86400, "stat_cpu", "stat_net");
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

    /** The points of every series of an answer, as JSON arrays one after the other. */
    private static String points(JsonObject answer) {
        StringBuilder points = new StringBuilder();
        for (JsonObject series : answer.getJsonArray("series").getValuesAs(JsonObject.class)) {
            points.append(series.getJsonArray("points"));
        }
        return points.toString();
    }

    /** The day's buckets of {@code step} seconds as the raw samples give them, per device as {@link #points}. */
    private static String rawBuckets(Connection db, int id, String table, String device, String values, long t0,
                                     long step) throws SQLException {
        StringBuilder aggregates = new StringBuilder();
        for (String value : values.split(", ")) {
            aggregates.append(", MIN(").append(value).append("), ROUND(AVG(").append(value).append(")), MAX(")
                    .append(value).append(")");
        }
        Map<Long, List<String>> points = new TreeMap<>();
        try (PreparedStatement select = db.prepareStatement("SELECT " + device + " AS device, time - time % " + step
                + " AS bucket, COUNT(*)" + aggregates + " FROM " + table + " WHERE host_id = ? AND time >= ?"
                + " AND time < ? GROUP BY device, bucket ORDER BY device, bucket")) {
            select.setInt(1, id);
            select.setLong(2, t0);
            select.setLong(3, t0 + 86400);
            try (ResultSet rows = select.executeQuery()) {
                int columns = rows.getMetaData().getColumnCount();
                while (rows.next()) {
                    List<String> point = new ArrayList<>();
                    for (int i = 2; i <= columns; i++) {
                        point.add(Long.toString(rows.getLong(i)));
                    }
                    points.computeIfAbsent(rows.getLong(1), d -> new ArrayList<>())
                            .add("[" + String.join(",", point) + "]");
                }
            }
        }
        return points.values().stream().map(series -> "[" + String.join(",", series) + "]")
                .collect(Collectors.joining());
    }

    /** Five-minute rollups of [from, to) made from the raw samples: count, and min, sum, max of every value. */
    private static void fiveMinuteRollups(Connection db, int id, String table, String device, String values, long from,
                                          long to) throws SQLException {
        StringBuilder columns = new StringBuilder();
        StringBuilder aggregates = new StringBuilder();
        for (String value : values.split(", ")) {
            columns.append(", ").append(value).append("_min, ").append(value).append("_sum, ").append(value)
                    .append("_max");
            aggregates.append(", MIN(").append(value).append("), SUM(").append(value).append("), MAX(")
                    .append(value).append(")");
        }
        boolean devices = !device.equals("0");
        // REPLACE: the rollup job may have rolled some of them up already
        update(db, "REPLACE INTO " + table + "_5min (host_id, minute" + (devices ? ", " + device : "") + ", samples"
                + columns + ") SELECT host_id, time - time % 300" + (devices ? ", " + device : "") + ", COUNT(*)"
                + aggregates + " FROM " + table + " WHERE host_id = ? AND time >= ? AND time < ? GROUP BY host_id,"
                + " time - time % 300" + (devices ? ", " + device : ""), id, from, to);
    }

    /** Removes the rows of [from, to) of a host from the raw tables and their five-minute rollups. */
    private static void deleteSeries(Connection db, int id, long from, long to, String... tables) throws SQLException {
        for (String table : tables) {
            update(db, "DELETE FROM " + table + " WHERE host_id = ? AND time >= ? AND time < ?", id, from, to);
            update(db, "DELETE FROM " + table + "_5min WHERE host_id = ? AND minute >= ? AND minute < ?", id, from, to);
        }
    }

    private static void update(Connection db, String sql, Object... parameters) throws SQLException {
        try (PreparedStatement statement = db.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                statement.setObject(i + 1, parameters[i]);
            }
            statement.executeUpdate();
        }
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
