package org.cloudweb.it.storage;

import static org.cloudweb.it.support.Api.fs;
import static org.cloudweb.it.support.Api.json;
import static org.cloudweb.it.support.HttpJson.json;
import static org.cloudweb.it.support.ProblemAssertions.assertProblem;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import java.io.ByteArrayInputStream;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import org.cloudweb.it.support.Api;
import org.cloudweb.it.support.HttpJson;
import org.cloudweb.it.support.OwnerApiTest;
import org.cloudweb.it.support.TestDatabase;
import org.cloudweb.it.support.TestUsers.TestUser;
import org.cloudweb.it.support.TestUsers;
import org.junit.jupiter.api.Test;

/** Files and directories over HTTP, checked against the bytes on disk and the index. */
class FileApiIT extends OwnerApiTest {

    @Override
    protected String container() {
        return "docs";
    }

    @Test
    void aFileRoundTripsWithItsHeadersAndMetadata() throws Exception {
        byte[] content = "hello, storage\n".getBytes(StandardCharsets.UTF_8);

        HttpResponse<byte[]> put = as.bytes("PUT", fs(owner.name(), "docs", "hello.txt"), content,
                "X-Meta-Color", "blue", "ETag", md5(content));

        assertEquals(201, put.statusCode(), new String(put.body()));
        assertEquals("\"" + md5(content) + "\"", put.headers().firstValue("ETag").orElse(""));
        HttpResponse<byte[]> get = as.bytes("GET", fs(owner.name(), "docs", "hello.txt"), null);
        assertEquals(200, get.statusCode());
        assertArrayEquals(content, get.body());
        assertEquals(String.valueOf(content.length), get.headers().firstValue("Content-Length").orElse(""));
        assertTrue(get.headers().firstValue("Content-Type").orElse("").startsWith("text/plain"));
        assertEquals("blue", get.headers().firstValue("X-Meta-color").orElse(""));
        assertTrue(get.headers().firstValue("Last-Modified").isPresent());
        assertArrayEquals(content, Files.readAllBytes(onDisk(owner.name(), "docs", "hello.txt")));

        HttpResponse<byte[]> head = as.bytes("HEAD", fs(owner.name(), "docs", "hello.txt"), null);
        assertEquals(200, head.statusCode());
        assertEquals(0, head.body().length);
        assertEquals(get.headers().firstValue("ETag"), head.headers().firstValue("ETag"));
        assertEquals(String.valueOf(content.length), head.headers().firstValue("Content-Length").orElse(""));
        assertEquals("file", head.headers().firstValue("X-Object-Type").orElse(""));
        assertEquals("container", as.bytes("HEAD", fs(owner.name(), "docs"), null).headers()
                .firstValue("X-Object-Type").orElse(""));
    }

    @Test
    void replacingAFileIsAtomicAndKeepsQuotaUsageExact() throws Exception {
        as.bytes("PUT", fs(owner.name(), "docs", "v.bin"), new byte[1000]);
        long before = usedBytes(owner.name());

        HttpResponse<byte[]> replaced = as.bytes("PUT", fs(owner.name(), "docs", "v.bin"), new byte[250]);

        assertEquals(204, replaced.statusCode());
        assertEquals(250, as.bytes("GET", fs(owner.name(), "docs", "v.bin"), null).body().length);
        assertEquals(before - 750, usedBytes(owner.name()));
        assertEquals(List.of(), tempFiles(), "no temporary file is left behind");
    }

    @Test
    void uploadsBeyondTheQuotaAreRefusedAndStoreNothing() throws Exception {
        limitBytes(owner.name(), 5_000);
        as.bytes("PUT", fs(owner.name(), "docs", "fits.bin"), new byte[4_000]);

        HttpResponse<byte[]> tooBig = as.bytes("PUT", fs(owner.name(), "docs", "small-but-over.bin"), new byte[2_000]);
        HttpResponse<String> chunked = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build()
                .send(HttpRequest.newBuilder(as.root().resolve(fs(owner.name(), "docs", "chunked-over.bin")))
                        .header("Authorization", "Bearer " + as.token())
                        .PUT(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(new byte[3_000])))
                        .build(), HttpResponse.BodyHandlers.ofString());

        assertEquals(413, tooBig.statusCode());
        assertProblem(chunked, 413, "quota_exceeded");
        assertEquals(404, as.bytes("HEAD", fs(owner.name(), "docs", "small-but-over.bin"), null).statusCode());
        assertEquals(404, as.bytes("HEAD", fs(owner.name(), "docs", "chunked-over.bin"), null).statusCode());
        assertEquals(4_000, usedBytes(owner.name()));
        assertEquals(List.of(), tempFiles());
        assertEquals(204, as.bytes("PUT", fs(owner.name(), "docs", "fits.bin"), new byte[4_500]).statusCode(),
                "a replace counts only the difference");
    }

    @Test
    void aWrongChecksumStoresNothing() throws Exception {
        byte[] content = "these bytes".getBytes(StandardCharsets.UTF_8);

        HttpResponse<byte[]> put = as.bytes("PUT", fs(owner.name(), "docs", "bad.txt"), content,
                "ETag", md5("other bytes".getBytes(StandardCharsets.UTF_8)));

        assertEquals(422, put.statusCode());
        assertEquals("checksum_mismatch", HttpJson.parse(new String(put.body(), StandardCharsets.UTF_8))
                .getString("code"));
        assertEquals(404, as.bytes("GET", fs(owner.name(), "docs", "bad.txt"), null).statusCode());
        assertFalse(Files.exists(onDisk(owner.name(), "docs", "bad.txt")));
        assertEquals(List.of(), tempFiles());
    }

    @Test
    void uploadsMakeMissingParentsButNotThroughAFile() {
        assertEquals(201, as.bytes("PUT", fs(owner.name(), "docs", "a", "b", "c", "deep.txt"), new byte[3])
                .statusCode());
        assertEquals("dir", json(as.get(fs(owner.name(), "docs", "a"))).getString("type"));
        assertEquals(200, as.bytes("PUT", fs(owner.name(), "docs", "a", "b") + "?type=dir", null).statusCode());
        assertEquals(201, as.bytes("PUT", fs(owner.name(), "docs", "x", "y") + "?type=dir", null).statusCode());
        assertTrue(Files.isDirectory(onDisk(owner.name(), "docs", "x", "y")));

        assertEquals(409, as.bytes("PUT", fs(owner.name(), "docs", "a", "b", "c", "deep.txt", "under") + "?type=dir",
                null).statusCode());
        assertEquals(409, as.bytes("PUT", fs(owner.name(), "docs", "a", "b"), new byte[1]).statusCode(),
                "a directory is in the way of a file");
    }

    @Test
    void namesInAnyScriptRoundTripExactly() throws Exception {
        List<String> names = List.of("naïve café.txt", "日本語のファイル", "emoji 😀 file", "a+b=c", "100% sure",
                "#hash", "what?", "semi;colon", "ünïcödé & ampersand", "'quotes' \"double\"");
        for (String name : names) {
            assertEquals(201, as.bytes("PUT", fs(owner.name(), "docs", name), name.getBytes(StandardCharsets.UTF_8))
                    .statusCode(), name);
        }

        List<String> listed = json(as.get(fs(owner.name(), "docs"))).getJsonArray("entries")
                .getValuesAs(JsonObject.class).stream().map(e -> e.getString("name")).toList();
        List<String> sorted = new ArrayList<>(names);
        sorted.sort((x, y) -> java.util.Arrays.compareUnsigned(x.getBytes(StandardCharsets.UTF_8),
                y.getBytes(StandardCharsets.UTF_8)));
        assertEquals(sorted, listed, "exact names, in byte order");
        for (String name : names) {
            assertArrayEquals(name.getBytes(StandardCharsets.UTF_8),
                    as.bytes("GET", fs(owner.name(), "docs", name), null).body(), name);
            assertTrue(Files.exists(onDisk(owner.name(), "docs", name)), name);
        }
    }

    @Test
    void badNamesAndPathsAreRefusedAndNothingIsWritten() throws Exception {
        String base = "fs/" + owner.name() + "/docs/";
        for (String raw : List.of("%2E%2E", "%2E", "a%00b", "a%2Fb", "a%2F..%2F..%2Fescape", "a%01b", "%C3%28",
                "x".repeat(256))) {
            HttpResponse<String> response = as.send("PUT", base + raw, "bytes");
            assertEquals(400, response.statusCode(), raw + " " + response.body());
        }
        String deep = String.join("/", java.util.Collections.nCopies(20, "d".repeat(200)));
        assertProblem(as.send("PUT", base + deep, "bytes"), 400, "path_too_long");
        assertProblem(as.send("PUT", base + "%2E%2E", "bytes"), 400, "invalid_name");
        assertEquals(404, as.get(fs(owner.name(), "docs", "escape")).statusCode());
        assertFalse(Files.exists(dataDir().resolve("escape")));
        assertFalse(Files.exists(dataDir().resolve(owner.name()).resolve("escape")));
    }

    @Test
    void listingsAreSortedAndPaged() {
        for (String name : List.of("b", "a", "c", "ab", "B", "d1", "d2")) {
            as.bytes("PUT", fs(owner.name(), "docs", name), new byte[1]);
        }

        JsonObject first = json(as.get(fs(owner.name(), "docs") + "?limit=3"));
        assertEquals(List.of("B", "a", "ab"), names(first));
        assertEquals("ab", first.getString("next"));
        JsonObject second = json(as.get(fs(owner.name(), "docs") + "?limit=3&marker=ab"));
        assertEquals(List.of("b", "c", "d1"), names(second));
        JsonObject last = json(as.get(fs(owner.name(), "docs") + "?limit=3&marker=d1"));
        assertEquals(List.of("d2"), names(last));
        assertTrue(last.isNull("next"));
        assertEquals(List.of("d1", "d2"), names(json(as.get(fs(owner.name(), "docs") + "?prefix=d"))));
        assertEquals(List.of("docs"), names(json(as.get(fs(owner.name())))));
        assertProblem(as.get(fs(owner.name(), "docs") + "?limit=0"), 400, "bad_request");
    }

    @Test
    void rangesAndConditionalRequests() {
        byte[] content = "0123456789".getBytes(StandardCharsets.UTF_8);
        String etag = as.bytes("PUT", fs(owner.name(), "docs", "digits"), content).headers().firstValue("ETag")
                .orElseThrow();
        String path = fs(owner.name(), "docs", "digits");

        HttpResponse<byte[]> middle = as.bytes("GET", path, null, "Range", "bytes=2-4");
        assertEquals(206, middle.statusCode());
        assertEquals("234", new String(middle.body(), StandardCharsets.UTF_8));
        assertEquals("bytes 2-4/10", middle.headers().firstValue("Content-Range").orElse(""));
        assertEquals("789", new String(as.bytes("GET", path, null, "Range", "bytes=-3").body(), StandardCharsets.UTF_8));
        assertEquals("89", new String(as.bytes("GET", path, null, "Range", "bytes=8-").body(), StandardCharsets.UTF_8));
        HttpResponse<byte[]> beyond = as.bytes("GET", path, null, "Range", "bytes=10-20");
        assertEquals(416, beyond.statusCode());
        assertEquals("bytes */10", beyond.headers().firstValue("Content-Range").orElse(""));

        assertEquals(304, as.bytes("GET", path, null, "If-None-Match", etag).statusCode());
        String lastModified = as.bytes("HEAD", path, null).headers().firstValue("Last-Modified").orElseThrow();
        assertEquals(304, as.bytes("GET", path, null, "If-Modified-Since", lastModified).statusCode());
        assertEquals(412, as.bytes("GET", path, null, "If-Match", "\"00000000000000000000000000000000\"").statusCode());
        assertEquals(200, as.bytes("GET", path, null, "If-Match", etag).statusCode());
    }

    @Test
    void deletingFilesAndTreesAtAnyDepthFreesTheQuota() throws Exception {
        List<String> deep = new ArrayList<>(List.of(owner.name(), "docs"));
        for (int level = 0; level < 100; level++) {
            deep.add("l" + level);
        }
        assertEquals(201, as.bytes("PUT", fs(deep.toArray(String[]::new)) + "/leaf.bin", new byte[4096]).statusCode());
        as.bytes("PUT", fs(owner.name(), "docs", "top.bin"), new byte[100]);
        long withTree = usedBytes(owner.name());

        assertProblem(as.delete(fs(owner.name(), "docs", "l0")), 409, "not_empty");
        assertEquals(204, as.delete(fs(owner.name(), "docs", "top.bin")).statusCode());
        assertEquals(204, as.delete(fs(owner.name(), "docs", "l0") + "?recursive=true").statusCode());

        assertFalse(Files.exists(onDisk(owner.name(), "docs", "l0")));
        assertEquals(withTree - 4196, usedBytes(owner.name()));
        assertEquals(List.of(), names(json(as.get(fs(owner.name(), "docs")))));
        assertEquals(404, as.get(fs(owner.name(), "docs", "l0")).statusCode());
        assertEquals(1L, objectRows(owner.name()) - 0, "only the container remains below the account");
    }

    @Test
    void otherPeoplesFilesAreOutOfReach() {
        as.bytes("PUT", fs(owner.name(), "docs", "private.txt"), new byte[1]);
        TestUser stranger = TestUsers.create(admin, "stranger");
        Api asStranger = api.as(api.login(stranger.email(), stranger.password()));

        assertProblem(asStranger.get(fs(owner.name(), "docs", "private.txt")), 403, "forbidden");
        assertProblem(asStranger.get(fs(owner.name(), "docs")), 403, "forbidden");
        assertProblem(asStranger.send("PUT", fs(owner.name(), "docs", "planted.txt"), "x"), 403, "forbidden");
        assertProblem(asStranger.delete(fs(owner.name(), "docs", "private.txt")), 403, "forbidden");
        assertProblem(api.get(fs(owner.name(), "docs", "private.txt")), 401, "unauthorized");
        assertEquals(200, admin.bytes("GET", fs(owner.name(), "docs", "private.txt"), null).statusCode());
    }

    @Test
    void aDisabledFileIsForAdministratorsOnly() {
        as.bytes("PUT", fs(owner.name(), "docs", "report.pdf"), new byte[10]);

        HttpResponse<String> disabled = as.patch(fs(owner.name(), "docs", "report.pdf"), json("state", "disabled"));

        assertEquals("disabled", json(disabled).getString("state"), disabled.body());
        assertProblem(as.get(fs(owner.name(), "docs", "report.pdf")), 403, "object_disabled");
        assertEquals(200, admin.bytes("GET", fs(owner.name(), "docs", "report.pdf"), null).statusCode());
        assertEquals(200, as.patch(fs(owner.name(), "docs", "report.pdf"), json("state", "enabled")).statusCode());
        assertEquals(200, as.bytes("GET", fs(owner.name(), "docs", "report.pdf"), null).statusCode());
    }

    @Test
    void movingATreeIsOneRenameAndItsListingFollows() throws Exception {
        as.bytes("PUT", fs(owner.name(), "docs", "project", "src", "main.c"), "int main;".getBytes());
        as.bytes("PUT", fs(owner.name(), "docs", "project", "README"), "read me".getBytes());

        HttpResponse<String> moved = as.post("ops/move", json("from", "/" + owner.name() + "/docs/project",
                "to", "/" + owner.name() + "/docs/archive/2026/project"));

        assertEquals(201, moved.statusCode(), moved.body());
        assertEquals(List.of("README", "src"), names(json(as.get(fs(owner.name(), "docs", "archive", "2026",
                "project")))));
        assertEquals("int main;", new String(as.bytes("GET", fs(owner.name(), "docs", "archive", "2026", "project",
                "src", "main.c"), null).body()));
        assertEquals(404, as.get(fs(owner.name(), "docs", "project")).statusCode());
        assertTrue(Files.exists(onDisk(owner.name(), "docs", "archive", "2026", "project", "src", "main.c")));
        assertFalse(Files.exists(onDisk(owner.name(), "docs", "project")));

        assertProblem(as.post("ops/move", json("from", "/" + owner.name() + "/docs/archive",
                "to", "/" + owner.name() + "/docs/archive/2026/inside")), 400, "bad_request");
        as.bytes("PUT", fs(owner.name(), "docs", "one.txt"), "1".getBytes());
        as.bytes("PUT", fs(owner.name(), "docs", "two.txt"), "2".getBytes());
        assertProblem(as.post("ops/move", json("from", "/" + owner.name() + "/docs/one.txt",
                "to", "/" + owner.name() + "/docs/two.txt")), 409, "conflict");
        assertEquals(200, as.post("ops/move", json("from", "/" + owner.name() + "/docs/one.txt",
                "to", "/" + owner.name() + "/docs/two.txt", "overwrite", true)).statusCode());
        assertEquals("1", new String(as.bytes("GET", fs(owner.name(), "docs", "two.txt"), null).body()));
        assertProblem(as.post("ops/move", json("from", "/" + owner.name() + "/docs/missing",
                "to", "/" + owner.name() + "/docs/elsewhere")), 404, "not_found");
    }

    @Test
    void anAdministratorMovesATreeBetweenAccountsAndBothQuotasFollow() throws Exception {
        as.bytes("PUT", fs(owner.name(), "docs", "handover", "a.bin"), new byte[300]);
        as.bytes("PUT", fs(owner.name(), "docs", "handover", "b.bin"), new byte[200]);
        TestUser heir = TestUsers.create(admin, "heir");
        Api asHeir = api.as(api.login(heir.email(), heir.password()));
        asHeir.bytes("PUT", fs(heir.name(), "inbox"), null);
        long ownerBefore = usedBytes(owner.name());
        long heirBefore = usedBytes(heir.name());
        String move = "{\"from\": \"/" + owner.name() + "/docs/handover\", \"to\": \"/" + heir.name()
                + "/inbox/handover\"}";

        assertProblem(as.send("POST", "ops/move", move), 403, "forbidden");
        assertEquals(201, admin.send("POST", "ops/move", move).statusCode());

        assertEquals(ownerBefore - 500, usedBytes(owner.name()));
        assertEquals(heirBefore + 500, usedBytes(heir.name()));
        assertEquals(List.of("a.bin", "b.bin"), names(asHeir.get(fs(heir.name(), "inbox", "handover"))));
        assertEquals(300, asHeir.bytes("GET", fs(heir.name(), "inbox", "handover", "a.bin"), null).body().length);
        assertProblem(as.get(fs(heir.name(), "inbox", "handover")), 403, "forbidden");
    }

    @Test
    void movesWithBadPathsAreRefused() {
        as.bytes("PUT", fs(owner.name(), "docs", "m.txt"), "m".getBytes());
        for (String to : List.of("/" + owner.name() + "/docs/../../escape", "/" + owner.name() + "/docs/a\u0000b",
                "relative/path", "/" + owner.name())) {
            assertProblem(as.post("ops/move", json("from", "/" + owner.name() + "/docs/m.txt", "to", to)), 400,
                    to.equals("/" + owner.name()) ? "bad_request" : "invalid_name");
        }
        assertEquals(200, as.bytes("HEAD", fs(owner.name(), "docs", "m.txt"), null).statusCode());
    }

    static List<String> names(HttpResponse<String> listing) {
        assertEquals(200, listing.statusCode(), listing.body());
        return names(json(listing));
    }

    private static List<String> names(JsonObject listing) {
        return listing.getJsonArray("entries").getValuesAs(JsonObject.class).stream()
                .map(e -> e.getString("name")).toList();
    }

    private static String md5(byte[] content) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("MD5").digest(content));
    }

    static Path dataDir() {
        return Path.of(System.getProperty(TestDatabase.DATA_DIR));
    }

    static Path onDisk(String... names) {
        Path path = dataDir();
        for (String name : names) {
            path = path.resolve(name);
        }
        return path;
    }

    static List<String> tempFiles() throws Exception {
        try (var files = Files.list(dataDir().resolve("tmp"))) {
            return files.map(p -> p.getFileName().toString()).toList();
        }
    }

    static void limitBytes(String account, long maxBytes) throws Exception {
        try (Connection db = TestDatabase.connect();
             PreparedStatement limit = db.prepareStatement("UPDATE quota q JOIN user u ON q.user_id = u.id"
                     + " SET q.max_bytes = ? WHERE u.name = ?")) {
            limit.setLong(1, maxBytes);
            limit.setString(2, account);
            limit.executeUpdate();
        }
    }

    static long usedBytes(String account) throws Exception {
        return number("SELECT q.used_bytes FROM quota q JOIN user u ON q.user_id = u.id WHERE u.name = ?", account);
    }

    static long objectRows(String account) throws Exception {
        return number("SELECT COUNT(*) FROM stobj s JOIN user u ON s.owner_id = u.id WHERE u.name = ?"
                + " AND s.parent_id IS NOT NULL", account);
    }

    private static long number(String sql, String parameter) throws Exception {
        try (Connection db = TestDatabase.connect(); PreparedStatement query = db.prepareStatement(sql)) {
            query.setString(1, parameter);
            try (ResultSet row = query.executeQuery()) {
                row.next();
                return row.getLong(1);
            }
        }
    }
}
