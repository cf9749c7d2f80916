package org.cloudweb.it.quota;

import static org.cloudweb.it.support.Api.fs;
import static org.cloudweb.it.support.Api.json;
import static org.cloudweb.it.support.HttpJson.json;
import static org.cloudweb.it.support.ProblemAssertions.assertProblem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;
import org.cloudweb.it.support.OwnerApiTest;
import org.cloudweb.it.support.TestDatabase;
import org.cloudweb.it.support.TestUsers.TestUser;
import org.cloudweb.it.support.TestUsers;
import org.junit.jupiter.api.Test;

/** {@code /users/{id}/quota} and the usage that every change of the tree keeps exact. */
class QuotaApiIT extends OwnerApiTest {

    private static final HttpClient CHUNKED = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    @Override
    protected String container() {
        return "box";
    }

    @Test
    void usersReadTheirQuotaAndOnlyAdministratorsSetIt() {
        JsonObject mine = json(as.get(quota(owner)));
        assertEquals(owner.id(), mine.getJsonNumber("userId").longValue());
        assertEquals(1, mine.getJsonNumber("usedObjects").longValue(), "the container");
        assertEquals(0, mine.getJsonNumber("usedBytes").longValue());
        assertEquals(JsonValue.NULL, mine.get("maxBytes"), "unlimited by default");

        TestUser other = TestUsers.create(admin, "quota-other");
        assertProblem(as.get(quota(other)), 403, "forbidden");
        assertProblem(as.put(quota(owner), json("maxBytes", 1)), 403, "forbidden");
        assertProblem(api.anonymous().get(quota(owner)), 401, "unauthorized");
        assertProblem(admin.get("users/999999999/quota"), 404, "not_found");
        assertProblem(admin.put(quota(owner), json("maxBytes", -1)), 400, "bad_request");
        assertEquals(JsonValue.NULL, json(as.get(quota(owner))).get("maxBytes"), "a refused change changes nothing");

        HttpResponse<String> set = admin.put(quota(owner), json("maxBytes", 5000, "maxObjects", 7));
        assertEquals(200, set.statusCode(), set.body());
        JsonObject now = json(as.get(quota(owner)));
        assertEquals(5000, now.getJsonNumber("maxBytes").longValue());
        assertEquals(7, now.getJsonNumber("maxObjects").longValue());

        assertEquals(200, admin.put(quota(owner), json()).statusCode());
        assertEquals(JsonValue.NULL, json(as.get(quota(owner))).get("maxObjects"), "a missing limit is unlimited");
    }

    @Test
    void sixteenConcurrentClientsNeverPassTheLimitByOneByte() throws Exception {
        long limit = 20_000;
        setLimits(limit, null);
        Random random = new Random(42);
        List<Callable<Long>> uploads = new ArrayList<>();
        for (int i = 0; i < 48; i++) {
            byte[] body = new byte[700 + random.nextInt(900)];
            String path = fs(owner.name(), "box", "f" + i);
            boolean chunked = i % 3 == 0;
            uploads.add(() -> {
                int status = chunked ? putChunked(path, body).statusCode() : as.bytes("PUT", path, body).statusCode();
                assertTrue(status == 201 || status == 413, "status " + status);
                return status == 201 ? body.length : 0L;
            });
        }
        ExecutorService clients = Executors.newFixedThreadPool(16);
        long stored = 0;
        try {
            for (Future<Long> upload : clients.invokeAll(uploads)) {
                stored += upload.get();
            }
        } finally {
            clients.shutdownNow();
        }

        long used = json(as.get(quota(owner))).getJsonNumber("usedBytes").longValue();
        assertTrue(used <= limit, used + " bytes used of " + limit);
        assertTrue(used > limit - 1600, "the quota was filled, not refused early: " + used);
        assertEquals(stored, used, "usage is the sum of what was accepted");
        assertEquals(used, bytesOnDisk(), "usage is the sum of the files on disk");
    }

    @Test
    void knownLengthsAreRefusedBeforeTheBodyAndChunkedOnesWhileStreaming() throws Exception {
        setLimits(5_000L, null);
        // only the headers are sent: the answer must come without waiting for the body
        assertRefusedBeforeTheBody("huge.bin", 10L * 1024 * 1024 * 1024);
        assertRefusedBeforeTheBody("small.bin", 6_000);

        byte[] stream = new byte[64 * 1024 * 1024];
        long start = System.nanoTime();
        assertProblem(putChunked(fs(owner.name(), "box", "stream.bin"), stream), 413, "quota_exceeded");
        assertEquals(0, json(as.get(quota(owner))).getJsonNumber("usedBytes").longValue());
        assertEquals(404, as.bytes("HEAD", fs(owner.name(), "box", "stream.bin"), null).statusCode());
        assertTrue(System.nanoTime() - start < Duration.ofSeconds(30).toNanos());
    }

    @Test
    void everyChangeOfTheTreeKeepsUsageEqualToWhatIsStored() throws Exception {
        TestUser other = TestUsers.create(admin, "quota-target");
        put("box/a/one.bin", 1000);
        assertUsage(1000, 3, "upload: the container, the directory made for the file, the file");
        put("box/a/one.bin", 400);
        assertUsage(400, 3, "replace counts the difference");
        assertEquals(201, as.bytes("PUT", fs(owner.name(), "box", "d1", "d2") + "?type=dir", null).statusCode());
        assertUsage(400, 5, "mkdir -p");
        put("box/a/two.bin", 600);
        assertEquals(201, as.post("ops/copy", json("from", "/" + owner.name() + "/box/a",
                "to", "/" + owner.name() + "/box/b")).statusCode());
        assertUsage(2000, 9, "copy of a directory with two files");
        assertEquals(201, as.post("ops/move", json("from", "/" + owner.name() + "/box/b",
                "to", "/" + owner.name() + "/box/d1/b")).statusCode());
        assertUsage(2000, 9, "a move within the account changes nothing");
        assertEquals(204, as.delete(fs(owner.name(), "box", "a", "one.bin")).statusCode());
        assertUsage(1600, 8, "delete of a file");
        assertEquals(204, as.delete(fs(owner.name(), "box", "d1") + "?recursive=true").statusCode());
        assertUsage(600, 3, "recursive delete");
        assertEquals(201, admin.post("ops/move", json("from", "/" + owner.name() + "/box/a",
                "to", "/" + other.name() + "/in/a")).statusCode());
        assertUsage(0, 1, "a move to another account takes the usage along");
        JsonObject target = json(admin.get(quota(other)));
        assertEquals(600, target.getJsonNumber("usedBytes").longValue());
        assertEquals(3, target.getJsonNumber("usedObjects").longValue(), "the container made, the directory, its file");

        assertEquals(204, admin.delete("users/" + other.id()).statusCode());
        assertProblem(admin.get(quota(other)), 404, "not_found");
    }

    @Test
    void aLimitBelowUsageBlocksGrowthButDeletesNothing() throws Exception {
        put("box/keep.bin", 3000);
        put("box/more.bin", 3000);
        setLimits(1000L, 2L);

        assertProblem(putText("box/new.bin", 10), 413, "quota_exceeded");
        assertProblem(as.send("PUT", fs(owner.name(), "box", "dir") + "?type=dir", null), 413, "quota_exceeded");
        assertProblem(putText("box/keep.bin", 3500), 413, "quota_exceeded");
        assertUsage(6000, 3, "nothing is deleted by a lower limit");
        assertEquals(3000, as.bytes("GET", fs(owner.name(), "box", "keep.bin"), null).body().length);

        assertEquals(204, as.bytes("PUT", fs(owner.name(), "box", "keep.bin"), new byte[100]).statusCode(),
                "shrinking is allowed over the limit");
        assertEquals(204, as.delete(fs(owner.name(), "box", "more.bin")).statusCode());
        assertUsage(100, 2, "shrinking and deleting work over the limit");
    }

    @Test
    void newUsersGetTheDefaultQuotaOfTheSettings() {
        assertEquals(200, admin.put("config", json("quota.default.max-bytes", 123456,
                "quota.default.max-objects", 42)).statusCode());
        try {
            TestUser fresh = TestUsers.create(admin, "quota-default");
            JsonObject quota = json(admin.get(quota(fresh)));
            assertEquals(123456, quota.getJsonNumber("maxBytes").longValue());
            assertEquals(42, quota.getJsonNumber("maxObjects").longValue());
        } finally {
            admin.put("config", json("quota.default.max-bytes", null, "quota.default.max-objects", null));
        }
    }

    private void assertRefusedBeforeTheBody(String name, long contentLength) throws Exception {
        URI root = as.root();
        try (Socket socket = new Socket(root.getHost(), root.getPort())) {
            socket.setSoTimeout(20_000);
            OutputStream out = socket.getOutputStream();
            out.write(("PUT " + root.getPath() + fs(owner.name(), "box", name) + " HTTP/1.1\r\n"
                    + "Host: " + root.getHost() + "\r\nAuthorization: Bearer " + as.token() + "\r\n"
                    + "Content-Length: " + contentLength + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            out.flush();
            String status = new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.US_ASCII))
                    .readLine();
            assertTrue(status != null && status.startsWith("HTTP/1.1 413 "), name + ": " + status);
        }
        assertEquals(404, as.bytes("HEAD", fs(owner.name(), "box", name), null).statusCode());
    }

    private static String quota(TestUser user) {
        return "users/" + user.id() + "/quota";
    }

    private void setLimits(Long maxBytes, Long maxObjects) {
        HttpResponse<String> set = admin.put(quota(owner), json("maxBytes", maxBytes, "maxObjects", maxObjects));
        assertEquals(200, set.statusCode(), set.body());
    }

    private void put(String path, int size) {
        HttpResponse<byte[]> put = as.bytes("PUT", fs(path(path)), new byte[size]);
        assertTrue(put.statusCode() == 201 || put.statusCode() == 204, "PUT " + path + ": " + put.statusCode());
    }

    private HttpResponse<String> putText(String path, int size) {
        return as.send("PUT", fs(path(path)), "x".repeat(size));
    }

    private String[] path(String relative) {
        return Stream.concat(Stream.of(owner.name()), Stream.of(relative.split("/"))).toArray(String[]::new);
    }

    private HttpResponse<String> putChunked(String path, byte[] body) throws Exception {
        return CHUNKED.send(HttpRequest.newBuilder(as.root().resolve(path))
                .header("Authorization", "Bearer " + as.token())
                .PUT(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(body))).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private void assertUsage(long bytes, long objects, String why) throws Exception {
        JsonObject quota = json(as.get(quota(owner)));
        assertEquals(bytes, quota.getJsonNumber("usedBytes").longValue(), why);
        assertEquals(objects, quota.getJsonNumber("usedObjects").longValue(), why);
        assertEquals(bytes, bytesOnDisk(), why + ": the files on disk");
    }

    private long bytesOnDisk() throws Exception {
        try (Stream<Path> files = Files.walk(Path.of(System.getProperty(TestDatabase.DATA_DIR), owner.name()))) {
            return files.filter(Files::isRegularFile).mapToLong(file -> file.toFile().length()).sum();
        }
    }
}
