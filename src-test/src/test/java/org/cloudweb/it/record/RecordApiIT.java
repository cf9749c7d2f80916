package org.cloudweb.it.record;

import static org.cloudweb.it.support.Api.fs;
import static org.cloudweb.it.support.Api.json;
import static org.cloudweb.it.support.HttpJson.json;
import static org.cloudweb.it.support.ProblemAssertions.assertProblem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.cloudweb.it.support.Api;
import org.cloudweb.it.support.OwnerApiTest;
import org.cloudweb.it.support.TestUsers.TestUser;
import org.cloudweb.it.support.TestUsers;
import org.junit.jupiter.api.Test;

/** {@code /records}: every change and download in the trail, failures too, each user seeing their own. */
class RecordApiIT extends OwnerApiTest {

    @Override
    protected String container() {
        return "box";
    }

    @Test
    void everyChangeAndDownloadIsRecordedWithItsObjectAndBytes() {
        assertEquals(201, as.bytes("PUT", fs(owner.name(), "box", "a.txt"), new byte[300]).statusCode());
        assertEquals(300, as.bytes("GET", fs(owner.name(), "box", "a.txt"), null).body().length);
        assertEquals(200, as.patch(fs(owner.name(), "box", "a.txt"), json("state", "disabled")).statusCode());
        assertEquals(201, as.bytes("PUT", fs(owner.name(), "box", "d") + "?type=dir", null).statusCode());
        assertEquals(201, as.post("ops/copy", json("from", path("box/a.txt"), "to", path("box/d/b.txt"))).statusCode());
        assertEquals(201, as.post("ops/move", json("from", path("box/d"), "to", path("box/e"))).statusCode());
        assertEquals(204, as.delete(fs(owner.name(), "box", "e") + "?recursive=true").statusCode());

        List<JsonObject> all = records(as, "user=" + owner.id());
        // downloads are recorded in batches shortly after: their place in the id order may come later
        JsonObject get = find(all, "fs.get", 200);
        List<JsonObject> records = all.stream().filter(r -> r != get).toList();
        assertEquals(List.of("fs.delete", "fs.move", "fs.copy", "fs.mkdir", "fs.update", "fs.put", "fs.mkdir",
                "login", "user.create"), actions(records), "newest first");
        JsonObject put = records.get(5);
        assertEquals(path("box/a.txt"), put.getString("path"));
        assertEquals(201, put.getInt("status"));
        assertEquals(300, put.getJsonNumber("bytes").longValue());
        assertEquals(owner.name(), put.getString("userName"));
        assertEquals(Api.peerAddress(base), put.getString("client"));
        long fileId = put.getJsonNumber("objectId").longValue();
        assertEquals(fileId, get.getJsonNumber("objectId").longValue(), "the download names the same file");
        assertEquals(300, get.getJsonNumber("bytes").longValue());
        assertEquals(1, all.stream().filter(r -> r.getString("action").equals("fs.get")).count());
        assertEquals(300, records.get(2).getJsonNumber("bytes").longValue(), "the copy");
        assertEquals("to " + path("box/e"), records.get(1).getString("detail"));
        assertTrue(Instant.parse(put.getString("time")).isAfter(Instant.now().minusSeconds(120)));
    }

    @Test
    void refusedCallsAreRecordedWithTheirStatus() {
        TestUser other = TestUsers.create(admin, "rec-other");
        assertEquals(403, as.bytes("PUT", fs(other.name(), "c", "x.txt"), new byte[1]).statusCode());
        assertEquals(401, api.as("not-a-token").bytes("PUT", fs(owner.name(), "box", "anon.txt"), new byte[1])
                .statusCode());
        assertEquals(404, as.bytes("GET", fs(owner.name(), "box", "missing.txt"), null).statusCode());
        assertEquals(200, admin.put("users/" + owner.id() + "/quota", json("maxBytes", 10)).statusCode());
        assertProblem(as.send("PUT", fs(owner.name(), "box", "big.txt"), "x".repeat(100)), 413, "quota_exceeded");
        assertProblem(as.post("ops/move", json("from", path("box"), "to", path("box"))), 400, "bad_request");

        List<JsonObject> mine = records(as, "user=" + owner.id());
        JsonObject quotaExceeded = find(mine, "fs.put", 413);
        assertEquals(path("box/big.txt"), quotaExceeded.getString("path"));
        assertEquals("quota_exceeded", quotaExceeded.getString("detail"));
        assertEquals(0, quotaExceeded.getJsonNumber("bytes").longValue());
        assertEquals(path("box/missing.txt"), find(mine, "fs.get", 404).getString("path"));
        assertEquals("/" + other.name() + "/c/x.txt", find(mine, "fs.put", 403).getString("path"));
        assertEquals("bad_request on /ops/move", find(mine, "fs.move", 400).getString("detail"));
        assertEquals(1, mine.stream().filter(r -> r.getString("action").equals("fs.put")
                && r.getInt("status") == 413).count(), "recorded once");

        List<JsonObject> anonymous = records(admin, "path=" + encode(path("box/anon.txt")));
        assertEquals(1, anonymous.size(), anonymous.toString());
        assertEquals(401, anonymous.get(0).getInt("status"));
        assertFalse(anonymous.get(0).containsKey("userId") && !anonymous.get(0).isNull("userId"));
        assertEquals(200, find(records(admin, "action=quota.update&user=" + owner.id()), "quota.update", 200)
                .getInt("status"));
    }

    @Test
    void usersSeeTheirOwnRecordsAndAdministratorsEveryones() {
        TestUser other = TestUsers.create(admin, "rec-seen");
        Api otherApi = api.as(api.login(other.email(), other.password()));
        assertEquals(201, otherApi.bytes("PUT", fs(other.name(), "secret"), null).statusCode());

        List<JsonObject> mine = records(as, "");
        assertFalse(mine.isEmpty());
        assertTrue(mine.stream().allMatch(r -> r.getJsonNumber("userId").longValue() == owner.id()), mine.toString());
        assertProblem(as.get("records?user=" + other.id()), 403, "forbidden");
        assertProblem(api.anonymous().get("records"), 401, "unauthorized");
        assertEquals(List.of("fs.mkdir", "login", "user.create"), actions(records(admin, "user=" + other.id())));
        assertTrue(records(admin, "").size() > mine.size(), "an administrator sees everyone's");
    }

    @Test
    void recordsOutliveTheirObjectsAndUsers() {
        assertEquals(201, as.bytes("PUT", fs(owner.name(), "box", "gone.txt"), new byte[5]).statusCode());
        assertNotNull(find(records(as, "action=fs.put"), "fs.put", 201).getJsonNumber("objectId"));
        assertEquals(204, as.delete(fs(owner.name(), "box", "gone.txt")).statusCode());

        JsonObject put = find(records(as, "action=fs.put"), "fs.put", 201);
        assertEquals(JsonValue.NULL, put.getOrDefault("objectId", JsonValue.NULL), "the object is gone");
        assertEquals(path("box/gone.txt"), put.getString("path"), "the path stays as it was");

        assertEquals(204, admin.delete("users/" + owner.id()).statusCode());
        List<JsonObject> left = records(admin, "path=" + encode(path("box/gone.txt")));
        assertEquals(List.of("fs.delete", "fs.put"), actions(left));
        assertTrue(left.stream().allMatch(r -> r.getOrDefault("userId", JsonValue.NULL) == JsonValue.NULL),
                "the user is gone: " + left);
    }

    @Test
    void theCursorPagesThroughEveryRecordOnceNewestFirst() {
        for (int i = 0; i < 23; i++) {
            assertEquals(201, as.bytes("PUT", fs(owner.name(), "box", "d" + i) + "?type=dir", null).statusCode());
        }
        List<Long> all = ids(records(as, "limit=1000"));
        List<Long> paged = new ArrayList<>();
        String cursor = null;
        int pages = 0;
        do {
            JsonObject page = json(as.get("records?limit=7" + (cursor == null ? "" : "&cursor=" + cursor)));
            page.getJsonArray("records").getValuesAs(JsonObject.class)
                    .forEach(r -> paged.add(r.getJsonNumber("id").longValue()));
            cursor = page.isNull("next") ? null : page.getString("next");
            pages++;
        } while (cursor != null);

        assertEquals(26, all.size(), "user.create, login, the container and 23 directories");
        assertEquals(all, paged);
        assertEquals(4, pages);
        for (int i = 1; i < paged.size(); i++) {
            assertTrue(paged.get(i) < paged.get(i - 1), "newest first");
        }
        assertProblem(as.get("records?cursor=abc"), 400, "bad_request");
        assertProblem(as.get("records?limit=0"), 400, "bad_request");
        assertProblem(as.get("records?limit=1001"), 400, "bad_request");
    }

    @Test
    void filtersTakeWildcardsLiterally() {
        assertEquals(201, as.bytes("PUT", fs(owner.name(), "box", "50%_off") + "?type=dir", null).statusCode());
        assertEquals(201, as.bytes("PUT", fs(owner.name(), "box", "50xyoff") + "?type=dir", null).statusCode());

        List<JsonObject> literal = records(as, "path=" + encode(path("box/50%_")));
        assertEquals(1, literal.size(), literal.toString());
        assertEquals(path("box/50%_off"), literal.get(0).getString("path"));
        assertEquals(3, records(as, "action=fs.mkdir").size());
        assertEquals(0, records(as, "action=" + encode("fs.mkd%")).size());

        String hourAgo = Instant.now().minusSeconds(3600).toString();
        String inAnHour = Instant.now().plusSeconds(3600).toString();
        assertEquals(5, records(as, "since=" + hourAgo + "&until=" + inAnHour).size());
        assertEquals(0, records(as, "since=" + inAnHour).size());
        assertEquals(0, records(as, "until=" + hourAgo).size());
        assertProblem(as.get("records?since=yesterday"), 400, "bad_request");
        assertProblem(as.get("records?user=me"), 400, "bad_request");
    }

    @Test
    void theSummaryCountsAndAddsUpByActionAndByDay() {
        as.bytes("PUT", fs(owner.name(), "box", "1.bin"), new byte[100]);
        as.bytes("PUT", fs(owner.name(), "box", "2.bin"), new byte[250]);
        as.bytes("GET", fs(owner.name(), "box", "2.bin"), null);

        JsonObject byAction = json(as.get("records/summary?groupBy=action"));
        assertEquals("action", byAction.getString("groupBy"));
        JsonObject puts = group(byAction, "fs.put");
        assertEquals(2, puts.getJsonNumber("count").longValue());
        assertEquals(350, puts.getJsonNumber("bytes").longValue());
        assertEquals(250, group(byAction, "fs.get").getJsonNumber("bytes").longValue());

        JsonObject byDay = json(as.get("records/summary?groupBy=day"));
        JsonObject today = group(byDay, LocalDate.now(ZoneOffset.UTC).toString());
        assertEquals(6, today.getJsonNumber("count").longValue(), "user.create, login, mkdir, 2 puts, 1 get");
        assertEquals(600, today.getJsonNumber("bytes").longValue());
        assertProblem(as.get("records/summary?groupBy=week"), 400, "bad_request");
    }

    private String path(String relative) {
        return "/" + owner.name() + "/" + relative;
    }

    private static String encode(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8);
    }

    private static List<JsonObject> records(Api caller, String query) {
        var response = caller.get("records?limit=1000" + (query.isEmpty() ? "" : "&" + query));
        assertEquals(200, response.statusCode(), response.body());
        return json(response).getJsonArray("records").getValuesAs(JsonObject.class);
    }

    private static List<String> actions(List<JsonObject> records) {
        return records.stream().map(r -> r.getString("action")).toList();
    }

    private static List<Long> ids(List<JsonObject> records) {
        List<Long> ids = records.stream().map(r -> r.getJsonNumber("id").longValue()).toList();
        Set<Long> unique = new HashSet<>(ids);
        assertEquals(ids.size(), unique.size());
        return ids;
    }

    private static JsonObject find(List<JsonObject> records, String action, int status) {
        return records.stream().filter(r -> r.getString("action").equals(action) && r.getInt("status") == status)
                .findFirst().orElseThrow(() -> new AssertionError("no " + action + " " + status + " in " + records));
    }

    private static JsonObject group(JsonObject summary, String key) {
        return summary.getJsonArray("groups").getValuesAs(JsonObject.class).stream()
                .filter(g -> g.getString("key").equals(key)).findFirst()
                .orElseThrow(() -> new AssertionError("no group " + key + " in " + summary));
    }
}
