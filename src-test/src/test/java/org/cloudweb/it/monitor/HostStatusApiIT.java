package org.cloudweb.it.monitor;

import static org.cloudweb.it.support.Api.fs;
import static org.cloudweb.it.support.Api.json;
import static org.cloudweb.it.support.ProblemAssertions.assertProblem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.io.StringReader;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import org.cloudweb.it.support.Api;
import org.cloudweb.it.support.HttpJson;
import org.cloudweb.it.support.SignedInApiTest;
import org.cloudweb.it.support.SlowUpload;
import org.cloudweb.it.support.TestUsers;
import org.cloudweb.it.support.TestUsers.TestUser;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * {@code /hosts/{id}/status} and {@code /hosts/ranking} over HTTP: configured service checks show their
 * results, the data directory and the clock are reported, and the ranking sees requests in progress.
 */
class HostStatusApiIT extends SignedInApiTest {

    @AfterEach
    void restoreSettings() {
        HttpResponse<String> reset = admin.put("config", json("monitor.checks", null, "monitor.interval", null));
        assertEquals(200, reset.statusCode(), reset.body());
    }

    @Test
    void configuredChecksShowTheirResultsWithTheDataDirectoryAndTheClock() throws Exception {
        int host = awaitHostId();
        int httpPort = base.getPort();
        int closedPort = closedPort();
        String open = "tcp:127.0.0.1:" + httpPort;
        String closed = "tcp:127.0.0.1:" + closedPort;
        HttpResponse<String> set = admin.put("config", json("monitor.checks", "process:java, " + open + "," + closed));
        assertEquals(200, set.statusCode(), set.body());
        assertEquals(List.of("process:java", open, closed), strings(HttpJson.json(set).getJsonArray("monitor.checks")));

        JsonObject status = awaitStatus(host, s -> checks(s).keySet().equals(Set.of("process:java", open, closed)));

        Map<String, JsonObject> checks = checks(status);
        JsonObject java = checks.get("process:java");
        assertEquals("process", java.getString("kind"));
        assertEquals("java", java.getString("target"));
        assertTrue(java.getBoolean("ok"), java.toString());
        assertTrue(java.getString("detail").matches("\\d+ process(es)?"), java.toString());
        JsonObject http = checks.get(open);
        assertEquals("tcp", http.getString("kind"));
        assertEquals("127.0.0.1:" + httpPort, http.getString("target"));
        assertTrue(http.getBoolean("ok"), "the server's own HTTP port: " + http);
        assertTrue(http.getString("detail").startsWith("connected in "), http.toString());
        JsonObject refused = checks.get(closed);
        assertFalse(refused.getBoolean("ok"), refused.toString());
        assertEquals("connection refused", refused.getString("detail"));

        assertEquals(host, status.getInt("hostId"));
        assertFalse(status.getBoolean("stale"));
        assertTrue(Instant.parse(status.getString("checkedAt")).isAfter(Instant.now().minus(2, ChronoUnit.MINUTES)));
        JsonObject dataDir = status.getJsonObject("dataDir");
        assertTrue(dataDir.getBoolean("ok"), dataDir.toString());
        assertEquals("writable", dataDir.getString("detail"));
        assertTrue(dataDir.getJsonNumber("freeBytes").longValue() > 0, dataDir.toString());
        JsonObject time = status.getJsonObject("time");
        for (String field : List.of("synchronised", "offsetMicros", "maxErrorMicros", "estErrorMicros", "detail")) {
            assertTrue(time.containsKey(field), field + " in " + time);
        }
        if (time.get("synchronised") != JsonValue.NULL) {
            assertTrue(time.getJsonNumber("maxErrorMicros").longValue() >= 0, "read from the kernel: " + time);
        }
        assertTrue(Math.abs(time.getJsonNumber("dbSkewMillis").longValue()) < 1000,
                "the test database runs on the same machine: " + time);
    }

    @Test
    void aRemovedCheckLeavesTheStatus() throws Exception {
        int host = awaitHostId();
        String closed = "tcp:127.0.0.1:" + closedPort();
        assertEquals(200, admin.put("config", json("monitor.checks", "process:java," + closed)).statusCode());
        awaitStatus(host, s -> checks(s).containsKey(closed));

        assertEquals(200, admin.put("config", json("monitor.checks", "process:java")).statusCode());

        JsonObject status = awaitStatus(host, s -> !checks(s).containsKey(closed));
        assertEquals(List.of("process:java"), List.copyOf(checks(status).keySet()));
    }

    @Test
    void badChecksAreRefusedAndNothingChanges() {
        for (String bad : List.of("http:example.com:80", "tcp:127.0.0.1:0", "tcp:127.0.0.1:70000", "tcp:127.0.0.1",
                "process:", "process:java,", "process:java,process:java")) {
            JsonObject problem = assertProblem(admin.put("config", json("monitor.checks", bad)), 400, "bad_request");
            assertTrue(problem.getString("detail").startsWith("monitor.checks must be"), problem.toString());
        }
        assertProblem(admin.put("config", json("monitor.checks", 42L)), 400, "bad_request");

        assertEquals(List.of(), strings(HttpJson.json(admin.get("config")).getJsonArray("monitor.checks")));
    }

    @Test
    void statusIsForAdministratorsAndTheRankingForAnySignedInUser() throws Exception {
        int host = awaitHostId();
        TestUser user = TestUsers.create(admin, "ranking");
        Api asUser = api.as(api.login(user.email(), user.password()));

        assertProblem(asUser.get("hosts/" + host + "/status"), 403, "forbidden");
        assertProblem(api.get("hosts/" + host + "/status"), 401, "unauthorized");
        assertProblem(api.get("hosts/ranking"), 401, "unauthorized");
        assertProblem(admin.get("hosts/65000/status"), 404, "not_found");

        JsonObject ranked = awaitRanked(asUser, host, h -> true);
        assertTrue(ranked.getInt("cpuThreads") >= 1, ranked.toString());
        for (String percent : List.of("score", "cpuPercent", "memoryPercent")) {
            double value = ranked.getJsonNumber(percent).doubleValue();
            assertTrue(value >= 0 && value <= 100, percent + " in " + ranked);
        }
        assertTrue(ranked.getJsonNumber("memoryPercent").doubleValue() > 0, "a running server uses memory");
        assertTrue(ranked.getJsonNumber("inFlight").doubleValue() >= 0, ranked.toString());
        assertFalse(ranked.getString("name").isBlank());
        assertTrue(Instant.parse(ranked.getString("sampledAt")).isAfter(Instant.now().minus(2, ChronoUnit.MINUTES)));
    }

    @Test
    void aRequestInProgressCountsInTheRankingUntilItEnds() throws Exception {
        int host = awaitHostId();
        assertEquals(200, admin.put("config", json("monitor.interval", "PT1S")).statusCode());
        String container = "inflight-" + UUID.randomUUID().toString().substring(0, 8);
        assertEquals(201, admin.bytes("PUT", fs("admin", container), null).statusCode());
        try {
            try (SlowUpload upload = SlowUpload.start(admin, fs("admin", container, "slow.bin"))) {
                JsonObject busy = awaitRanked(admin, host, h -> h.getJsonNumber("inFlight").doubleValue() >= 1);
                assertTrue(busy.getJsonNumber("score").doubleValue() > 0, busy.toString());

                String response = upload.finish();
                assertTrue(response != null && response.startsWith("HTTP/1.1 201 "), response);
            }
            JsonObject idle = awaitRanked(admin, host, h -> h.getJsonNumber("inFlight").doubleValue() < 0.5);
            assertTrue(idle.getJsonNumber("inFlight").doubleValue() < 0.5, "the finished upload no longer counts");
            assertEquals(100_000, admin.bytes("HEAD", fs("admin", container, "slow.bin"), null).headers()
                    .firstValueAsLong("Content-Length").orElse(-1));
        } finally {
            admin.bytes("DELETE", fs("admin", container) + "?recursive=true", null);
        }
    }

    /** This host's id, once the monitor's first tick has registered it. */
    private int awaitHostId() throws InterruptedException {
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
                    return host.getInt("id");
                }
            }
            assertTrue(System.nanoTime() < deadline, "no host registered: " + response.body());
            Thread.sleep(500);
        }
    }

    /** The host's status once it satisfies {@code condition} (check rounds follow a change within seconds). */
    private JsonObject awaitStatus(int host, Predicate<JsonObject> condition) throws InterruptedException {
        long deadline = System.nanoTime() + 45_000_000_000L;
        while (true) {
            HttpResponse<String> response = admin.get("hosts/" + host + "/status");
            assertEquals(200, response.statusCode(), response.body());
            JsonObject status = HttpJson.json(response);
            if (condition.test(status)) {
                return status;
            }
            assertTrue(System.nanoTime() < deadline, "status never as expected: " + status);
            Thread.sleep(250);
        }
    }

    /** The host's entry in the ranking once it satisfies {@code condition}. */
    private static JsonObject awaitRanked(Api caller, int host, Predicate<JsonObject> condition)
            throws InterruptedException {
        long deadline = System.nanoTime() + 45_000_000_000L;
        while (true) {
            HttpResponse<String> response = caller.get("hosts/ranking");
            assertEquals(200, response.statusCode(), response.body());
            for (JsonObject ranked : HttpJson.json(response).getJsonArray("hosts").getValuesAs(JsonObject.class)) {
                if (ranked.getInt("hostId") == host && condition.test(ranked)) {
                    return ranked;
                }
            }
            assertTrue(System.nanoTime() < deadline, "ranking never as expected: " + response.body());
            Thread.sleep(200);
        }
    }

    private static Map<String, JsonObject> checks(JsonObject status) {
        return status.getJsonArray("checks").getValuesAs(JsonObject.class).stream()
                .collect(Collectors.toMap(c -> c.getString("name"), c -> c, (a, b) -> a, TreeMap::new));
    }

    private static List<String> strings(JsonArray array) {
        assertNotNull(array);
        return array.getValuesAs(JsonString.class).stream().map(JsonString::getString).toList();
    }

    /** A loopback port nothing listens on: bound and released again. */
    private static int closedPort() throws Exception {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }
}
