package org.cloudweb.it.outage;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;
import org.cloudweb.it.support.Api;
import org.cloudweb.it.support.ConsistencyChecks;
import org.cloudweb.it.support.FileContent;
import org.cloudweb.it.support.HttpJson;
import org.cloudweb.it.support.LauncherProcess;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The embedded MariaDB is stopped under a running server while clients upload and download, and started again.
 * Meanwhile files are listed and downloaded from disk, changes are made and journaled, and calls that need the
 * database answer 503 with Retry-After; readiness says degraded. Once the database is back the journal is
 * replayed: index, quota and records match what happened, each change recorded exactly once.
 */
class DatabaseOutageIT {

    private static final String ACCOUNT = "admin";
    private static final String CONTAINER = "outage";
    private static final int WRITERS = 4;
    private static final int NAMES_PER_WRITER = 5;
    /** Between two requests of one client: a steady load, not as much as the machine can serve. */
    private static final long PAUSE_MILLIS = 10;
    private static final HttpClient CLIENT = HttpClient.newHttpClient();

    private final String password = "outage-admin-" + Long.toHexString(ThreadLocalRandom.current().nextLong());
    private Path data;
    private LauncherProcess server;
    private RestartableDatabase database;

    @BeforeEach
    void start() throws Exception {
        Path work = Files.createTempDirectory(Files.createDirectories(Path.of(System.getProperty("cloudweb.test.work"))),
                "outage-");
        data = work.resolve("data");
        server = LauncherProcess.start(data, password, work.resolve("cloudweb.log"));
        database = new RestartableDatabase(server.database(), data.resolve("db").resolve("mariadb.log"));
    }

    @AfterEach
    void stop() throws Exception {
        if (server != null) {
            server.close();
        }
        if (database != null) {
            database.close();
        }
    }

    @Test
    void filesKeepWorkingWithoutTheDatabaseAndTheJournalIsReplayedOnce() throws Exception {
        Api anonymous = Api.at(server.base());
        Api api = anonymous.as(anonymous.login("admin@localhost", password));
        byte[] first = "first version".getBytes(StandardCharsets.UTF_8);
        assertEquals(201, api.bytes("PUT", fs(), null).statusCode());
        assertEquals(201, api.bytes("PUT", fs("a.txt"), first).statusCode());
        assertEquals(201, api.bytes("PUT", fs("d", "b.txt"), first).statusCode());
        assertEquals(201, api.bytes("PUT", fs("d2") + "?type=dir", null).statusCode());
        // a user with a quota of 1,000 bytes who has used 400 of them
        HttpResponse<String> made = api.post("users", Api.json("name", "quoted", "email", "quoted@example.org",
                "password", "quoted's password"));
        assertEquals(201, made.statusCode(), made.body());
        long quotedId = HttpJson.json(made).getJsonNumber("id").longValue();
        assertEquals(200, api.put("users/" + quotedId + "/quota", Api.json("maxBytes", 1000)).statusCode());
        Api quoted = anonymous.as(anonymous.login("quoted@example.org", "quoted's password"));
        assertEquals(201, quoted.bytes("PUT", Api.fs("quoted", "c"), null).statusCode());
        assertEquals(201, quoted.bytes("PUT", Api.fs("quoted", "c", "first"), new byte[400]).statusCode());

        Load load = new Load(api);
        load.start();
        Thread.sleep(2000);
        database.stop();
        JsonObject degraded = awaitReadiness("degraded");
        load.databaseAway.set(true);
        assertEquals("false", degraded.get("reachable").toString().replace("\"", ""), degraded.toString());

        // reads come from the disk
        HttpResponse<byte[]> download = api.bytes("GET", fs("a.txt"), null);
        assertEquals(200, download.statusCode());
        assertArrayEquals(first, download.body());
        JsonObject listing = HttpJson.json(api.get(fs()));
        List<String> names = listing.getJsonArray("entries").getValuesAs(JsonObject.class).stream()
                .map(entry -> entry.getString("name")).toList();
        assertTrue(names.containsAll(List.of("a.txt", "d", "d2", "load")), names.toString());
        assertEquals("file", listing.getJsonArray("entries").getValuesAs(JsonObject.class).get(0).getString("type"));
        assertEquals(404, api.bytes("GET", fs("nothing-here"), null).statusCode());

        // changes are made and journaled
        byte[] second = "second version, written while the database was away".getBytes(StandardCharsets.UTF_8);
        byte[] third = "a new file".getBytes(StandardCharsets.UTF_8);
        assertEquals(204, api.bytes("PUT", fs("a.txt"), second).statusCode());
        assertEquals(201, api.bytes("PUT", fs("c.txt"), third, "X-Meta-Color", "blue").statusCode());
        assertEquals(201, api.bytes("PUT", fs("e", "f") + "?type=dir", null).statusCode());
        assertEquals(409, api.bytes("PUT", fs("a.txt", "under-a-file"), third).statusCode());
        assertEquals(409, api.bytes("DELETE", fs("d"), null).statusCode()); // not empty
        assertEquals(204, api.bytes("DELETE", fs("d2"), null).statusCode());
        HttpResponse<String> moved = api.post("ops/move", Api.json("from", "/admin/outage/d/b.txt",
                "to", "/admin/outage/moved/b.txt", "overwrite", false));
        assertEquals(201, moved.statusCode(), moved.body());
        assertArrayEquals(second, api.bytes("GET", fs("a.txt"), null).body());
        // the quota holds as this node last saw it: 600 bytes left
        assertQuotaExceeded(quoted.bytes("PUT", Api.fs("quoted", "c", "too-big"), new byte[700]));
        assertEquals(201, quoted.bytes("PUT", Api.fs("quoted", "c", "fits"), new byte[500]).statusCode());
        assertQuotaExceeded(quoted.bytes("PUT", Api.fs("quoted", "c", "one-too-many"), new byte[200]));
        assertFalse(Files.exists(data.resolve("quoted").resolve("c").resolve("too-big")));
        assertFalse(Files.exists(data.resolve("quoted").resolve("c").resolve("one-too-many")));
        try (Stream<Path> segments = Files.list(data.resolve("journal"))) {
            assertEquals(1, segments.count());
        }

        // what needs the database is refused for now
        for (HttpResponse<String> refused : List.of(anonymous.post("tokens", Api.json("email", "admin@localhost",
                        "password", password)), api.get("search?q=a"), api.get("records"),
                api.put("users/1/quota", Api.json("maxBytes", 1)), api.post("users", Api.json("name", "zed",
                        "email", "zed@example.org", "password", "long enough")),
                api.patch(fs("c.txt"), Api.json("state", "disabled")),
                anonymous.as("a-token-never-seen").get(fs()))) {
            assertEquals(503, refused.statusCode(), refused.body());
            assertEquals("service_unavailable", HttpJson.json(refused).getString("code"));
            assertTrue(refused.headers().firstValue("Retry-After").isPresent());
        }

        Thread.sleep(3000); // the load goes on without the database
        load.databaseAway.set(false);
        database.start();
        awaitReadiness("normal");
        Thread.sleep(2000); // and with it again
        load.stop();
        assertEquals(List.of(), List.copyOf(load.unexpected), "answers other than success or 503");
        assertEquals(List.of(), List.copyOf(load.torn), "torn downloads");
        assertTrue(load.journaledUploads.get() > 0, "no upload happened while the database was away");

        try (Stream<Path> segments = Files.list(data.resolve("journal"))) {
            assertEquals(0, segments.count(), "the journal is replayed and removed");
        }
        // the index learned every change
        assertEquals(md5(second), etag(api, fs("a.txt")));
        assertEquals(md5(third), etag(api, fs("c.txt")));
        assertEquals("blue", api.bytes("HEAD", fs("c.txt"), null).headers().firstValue("X-Meta-Color").orElse(null));
        assertEquals(404, api.bytes("GET", fs("d2"), null).statusCode());
        assertEquals(404, api.bytes("GET", fs("d", "b.txt"), null).statusCode());
        assertEquals(md5(first), etag(api, fs("moved", "b.txt")));
        assertEquals(200, api.bytes("HEAD", fs("e", "f"), null).statusCode());
        for (Map.Entry<String, String> file : load.lastWritten.entrySet()) {
            assertEquals(file.getValue(), etag(api, fs("load", file.getKey())), file.getKey());
        }
        JsonObject check = ConsistencyChecks.run(api, ACCOUNT, false);
        assertTrue(ConsistencyChecks.foundNothing(check), check.toString());

        JsonObject quotedQuota = HttpJson.json(api.get("users/" + quotedId + "/quota"));
        assertEquals(900, quotedQuota.getJsonNumber("usedBytes").longValue(), quotedQuota.toString());

        // quota usage is what is on disk
        long[] usage = usageOnDisk(data.resolve(ACCOUNT));
        long adminId = HttpJson.json(api.get("users/me")).getJsonNumber("id").longValue();
        JsonObject quota = HttpJson.json(api.get("users/" + adminId + "/quota"));
        assertEquals(usage[0], quota.getJsonNumber("usedBytes").longValue());
        assertEquals(usage[1], quota.getJsonNumber("usedObjects").longValue());

        // each upload of the load recorded exactly once, with its bytes
        JsonObject puts = summary(api, "/admin/outage/load", "fs.put");
        assertEquals(load.uploads.get(), puts.getInt("count"), puts.toString());
        assertEquals(load.bytes.get(), puts.getJsonNumber("bytes").longValue(), puts.toString());
        assertEquals(1, records(api, "/admin/outage/c.txt", "fs.put").size());
        JsonObject deleted = records(api, "/admin/outage/d2", "fs.delete").get(0);
        assertEquals("journaled, dir, 1 objects", deleted.getString("detail"));
        assertEquals(1, records(api, "/admin/outage/d/b.txt", "fs.move").size());
        assertFalse(records(api, "/admin/outage/a.txt", "fs.get").stream()
                .noneMatch(record -> record.getString("detail", "").startsWith("journaled")), "journaled download");
    }

    /**
     * Waits for the database check to say {@code mode}, up to 5 minutes: the load journals 500 to 700 operations a
     * second while the database is away, 20,000 to 40,000 in this test, and a loaded 2-core machine replays
     * about 500 a second (measured: 22,761 in 42 s, 31,757 in 59 s).
     */
    private JsonObject awaitReadiness(String mode) throws Exception {
        HttpRequest ready = HttpRequest.newBuilder(URI.create(server.base() + "health/ready"))
                .timeout(Duration.ofSeconds(10)).build();
        for (int i = 0; i < 600; i++) {
            HttpResponse<String> answer = CLIENT.send(ready, HttpResponse.BodyHandlers.ofString());
            for (JsonObject check : HttpJson.json(answer).getJsonArray("checks").getValuesAs(JsonObject.class)) {
                if (check.getString("name").equals("database") && check.containsKey("data")
                        && mode.equals(check.getJsonObject("data").getString("mode", null))) {
                    assertEquals(200, answer.statusCode(), answer.body());
                    return check.getJsonObject("data");
                }
            }
            Thread.sleep(500);
        }
        throw new AssertionError("readiness never said " + mode);
    }

    private static void assertQuotaExceeded(HttpResponse<byte[]> response) {
        String body = new String(response.body(), StandardCharsets.UTF_8);
        assertEquals(413, response.statusCode(), body);
        assertTrue(response.headers().firstValue("Content-Type").orElse("").startsWith("application/problem+json"));
        assertTrue(body.contains("\"code\":\"quota_exceeded\""), body);
    }

    private static String fs(String... names) {
        return Api.fs(Stream.concat(Stream.of(ACCOUNT, CONTAINER), Stream.of(names)).toArray(String[]::new));
    }

    private static String etag(Api api, String path) {
        HttpResponse<byte[]> head = api.bytes("HEAD", path, null);
        assertEquals(200, head.statusCode(), path);
        return head.headers().firstValue("ETag").orElse("").replace("\"", "");
    }

    private static List<JsonObject> records(Api api, String path, String action) {
        return HttpJson.json(api.get("records?limit=1000&action=" + action + "&path=" + path))
                .getJsonArray("records").getValuesAs(JsonObject.class).stream()
                .filter(record -> record.getString("path").equals(path)).toList();
    }

    private static JsonObject summary(Api api, String path, String action) {
        return HttpJson.json(api.get("records/summary?groupBy=action&action=" + action + "&path=" + path))
                .getJsonArray("groups").getValuesAs(JsonObject.class).stream()
                .filter(group -> group.getString("key").equals(action)).findFirst().orElseThrow();
    }

    /** Bytes of the files and count of everything below an account directory. */
    private static long[] usageOnDisk(Path account) throws Exception {
        long bytes = 0;
        long objects = -1; // the account directory itself
        try (Stream<Path> all = Files.walk(account)) {
            for (Path path : (Iterable<Path>) all::iterator) {
                objects++;
                if (Files.isRegularFile(path)) {
                    bytes += Files.size(path);
                }
            }
        }
        return new long[] {bytes, objects};
    }

    static String md5(byte[] bytes) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("MD5").digest(bytes));
    }

    /**
     * Writers that each own a few names and upload new versions of them, and readers that download them,
     * before, during and after the outage. What was last stored under each name is remembered.
     */
    private static final class Load {

        private final Api api;
        private final AtomicBoolean stopping = new AtomicBoolean();
        private final AtomicLong versions = new AtomicLong();
        private final ExecutorService threads = Executors.newFixedThreadPool(WRITERS + 2);
        final Map<String, String> lastWritten = new ConcurrentHashMap<>();
        final AtomicInteger uploads = new AtomicInteger();
        final AtomicInteger journaledUploads = new AtomicInteger();
        /** Set while the database is known to be stopped. */
        final AtomicBoolean databaseAway = new AtomicBoolean();
        final AtomicLong bytes = new AtomicLong();
        final ConcurrentLinkedQueue<String> unexpected = new ConcurrentLinkedQueue<>();
        final ConcurrentLinkedQueue<String> torn = new ConcurrentLinkedQueue<>();

        Load(Api api) {
            this.api = api;
        }

        void start() {
            for (int w = 0; w < WRITERS; w++) {
                int writer = w;
                threads.submit(() -> {
                    while (!stopping.get()) {
                        write("w" + writer + "-" + ThreadLocalRandom.current().nextInt(NAMES_PER_WRITER));
                        Thread.sleep(PAUSE_MILLIS);
                    }
                    return null;
                });
            }
            for (int r = 0; r < 2; r++) {
                threads.submit(() -> {
                    while (!stopping.get()) {
                        read("w" + ThreadLocalRandom.current().nextInt(WRITERS) + "-"
                                + ThreadLocalRandom.current().nextInt(NAMES_PER_WRITER));
                        Thread.sleep(PAUSE_MILLIS);
                    }
                    return null;
                });
            }
        }

        private void write(String name) throws Exception {
            byte[] body = FileContent.of(name, versions.incrementAndGet(), ThreadLocalRandom.current().nextInt(1, 65536));
            HttpResponse<byte[]> answer = api.bytes("PUT", fs("load", name), body);
            if (answer.statusCode() == 201 || answer.statusCode() == 204) {
                lastWritten.put(name, md5(body));
                uploads.incrementAndGet();
                bytes.addAndGet(body.length);
                if (databaseAway.get()) {
                    journaledUploads.incrementAndGet();
                }
            } else if (answer.statusCode() != 503) {
                unexpected.add("PUT " + name + ": " + answer.statusCode() + " " + new String(answer.body(),
                        StandardCharsets.UTF_8));
            }
        }

        private void read(String name) {
            HttpResponse<byte[]> answer = api.bytes("GET", fs("load", name), null);
            if (answer.statusCode() == 200) {
                if (!FileContent.isIntact(name, answer.body())) {
                    torn.add(name);
                }
            } else if (answer.statusCode() != 404 && answer.statusCode() != 503) {
                unexpected.add("GET " + name + ": " + answer.statusCode());
            }
        }

        void stop() throws InterruptedException {
            stopping.set(true);
            threads.shutdown();
            assertTrue(threads.awaitTermination(2, TimeUnit.MINUTES));
        }
    }
}
