package org.cloudweb.it.storage;

import static org.cloudweb.it.storage.FileApiIT.names;
import static org.cloudweb.it.storage.FileApiIT.onDisk;
import static org.cloudweb.it.storage.FileApiIT.usedBytes;
import static org.cloudweb.it.support.Api.fs;
import static org.cloudweb.it.support.Api.json;
import static org.cloudweb.it.support.HttpJson.json;
import static org.cloudweb.it.support.ProblemAssertions.assertProblem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import org.cloudweb.it.support.OwnerApiTest;
import org.cloudweb.it.support.TestDatabase;
import org.cloudweb.it.support.TestUsers.TestUser;
import org.cloudweb.it.support.TestUsers;
import org.junit.jupiter.api.Test;

/** Copies (at once and as a job) and the nested tree view. */
class CopyAndTreeIT extends OwnerApiTest {

    @Override
    protected String container() {
        return "c";
    }

    @Test
    void aCopySharesBytesUntilItIsChangedAndTheOriginalStaysAsItWas() throws Exception {
        as.bytes("PUT", fs(owner.name(), "c", "album", "one.jpg"), "first photo".getBytes());
        as.bytes("PUT", fs(owner.name(), "c", "album", "sub", "two.jpg"), "second photo".getBytes());
        long before = usedBytes(owner.name());

        HttpResponse<String> copied = as.post("ops/copy", json("from", "/" + owner.name() + "/c/album",
                "to", "/" + owner.name() + "/c/album-copy"));

        assertEquals(201, copied.statusCode(), copied.body());
        assertEquals(4, json(copied).getInt("objects"));
        assertEquals(before + 23, usedBytes(owner.name()));
        assertEquals(names(as.get(fs(owner.name(), "c", "album"))), names(as.get(fs(owner.name(), "c", "album-copy"))));
        Path original = onDisk(owner.name(), "c", "album", "one.jpg");
        Path copy = onDisk(owner.name(), "c", "album-copy", "one.jpg");
        assertEquals(Files.getAttribute(original, "unix:ino"), Files.getAttribute(copy, "unix:ino"), "a hard link");

        assertEquals(204, as.bytes("PUT", fs(owner.name(), "c", "album-copy", "one.jpg"), "changed".getBytes())
                .statusCode());

        assertEquals("first photo", new String(as.bytes("GET", fs(owner.name(), "c", "album", "one.jpg"), null).body()));
        assertEquals("changed", new String(as.bytes("GET", fs(owner.name(), "c", "album-copy", "one.jpg"), null).body()));
        assertNotEquals(Files.getAttribute(original, "unix:ino"), Files.getAttribute(copy, "unix:ino"));
    }

    @Test
    void copiesRefuseLoopsAndDoNotOverwriteUnlessAsked() {
        as.bytes("PUT", fs(owner.name(), "c", "d", "f.txt"), "x".getBytes());
        as.bytes("PUT", fs(owner.name(), "c", "g.txt"), "g".getBytes());

        assertProblem(as.post("ops/copy", json("from", "/" + owner.name() + "/c/d", "to", "/" + owner.name()
                + "/c/d/inner")), 400, "bad_request");
        assertProblem(as.post("ops/copy", json("from", "/" + owner.name() + "/c/g.txt", "to", "/" + owner.name()
                + "/c/d/f.txt")), 409, "conflict");
        assertEquals(201, as.post("ops/copy", json("from", "/" + owner.name() + "/c/g.txt", "to", "/" + owner.name()
                + "/c/d/f.txt", "overwrite", true)).statusCode());
        assertEquals("g", new String(as.bytes("GET", fs(owner.name(), "c", "d", "f.txt"), null).body()));
    }

    @Test
    void aCopyThatDoesNotFitTheQuotaWritesNothing() throws Exception {
        as.bytes("PUT", fs(owner.name(), "c", "big.bin"), new byte[600]);
        long id = json(as.get("users/me")).getJsonNumber("id").longValue();
        try (Connection db = TestDatabase.connect();
             PreparedStatement limit = db.prepareStatement("UPDATE quota SET max_bytes = 1000 WHERE user_id = ?")) {
            limit.setLong(1, id);
            limit.executeUpdate();
        }

        assertProblem(as.post("ops/copy", json("from", "/" + owner.name() + "/c/big.bin", "to", "/" + owner.name()
                + "/c/big-copy.bin")), 413, "quota_exceeded");
        assertEquals(404, as.get(fs(owner.name(), "c", "big-copy.bin")).statusCode());
        assertTrue(Files.notExists(onDisk(owner.name(), "c", "big-copy.bin")));
    }

    @Test
    void aLargeCopyRunsAsAJobWhoseProgressItsOwnerCanFollow() throws Exception {
        int files = 2_100;
        addFiles(owner.name(), "many", files);

        HttpResponse<String> accepted = as.post("ops/copy", json("from", "/" + owner.name() + "/c/many",
                "to", "/" + owner.name() + "/c/many-copy"));

        assertEquals(202, accepted.statusCode(), accepted.body());
        String location = accepted.headers().firstValue("Location").orElseThrow();
        String jobPath = location.substring(location.indexOf("jobs/"));
        JsonObject job = json(as.get(jobPath));
        for (int i = 0; i < 600 && "running".equals(job.getString("state")); i++) {
            Thread.sleep(100);
            job = json(as.get(jobPath));
        }
        assertEquals("done", job.getString("state"), job.toString());
        assertEquals(files + 1, job.getJsonNumber("total").longValue());
        assertEquals(job.getJsonNumber("total"), job.getJsonNumber("done"));
        assertEquals(files, json(as.get(fs(owner.name(), "c", "many-copy") + "?limit=10000"))
                .getJsonArray("entries").size());
        assertTrue(Files.exists(onDisk(owner.name(), "c", "many-copy", "f2099")));

        TestUser other = TestUsers.create(admin, "nosy");
        assertProblem(api.as(api.login(other.email(), other.password())).get(jobPath), 404, "not_found");
        assertEquals(200, admin.get(jobPath).statusCode());
    }

    @Test
    void theTreeIsNestedToTheDepthAsked() {
        as.bytes("PUT", fs(owner.name(), "c", "t", "a", "b", "deep.txt"), "x".getBytes());
        as.bytes("PUT", fs(owner.name(), "c", "t", "top.txt"), "y".getBytes());

        JsonObject shallow = json(as.get("tree/" + owner.name() + "/c/t?depth=1"));
        JsonObject deep = json(as.get("tree/" + owner.name() + "/c/t?depth=10"));

        assertEquals(3, shallow.getInt("nodes"));
        assertEquals(5, deep.getInt("nodes"));
        assertEquals(false, deep.getBoolean("truncated"));
        JsonObject a = deep.getJsonObject("tree").getJsonArray("children").getJsonObject(0);
        assertEquals("a", a.getString("name"));
        assertEquals("deep.txt", a.getJsonArray("children").getJsonObject(0).getJsonArray("children")
                .getJsonObject(0).getString("name"));
        assertProblem(as.get("tree/" + owner.name() + "/c/t?depth=11"), 400, "bad_request");
    }

    /** A directory with many small files, made behind the API's back for speed (rows, files and usage). */
    private static void addFiles(String account, String directory, int count) throws Exception {
        Path dir = Files.createDirectories(onDisk(account, "c", directory));
        try (Connection db = TestDatabase.connect()) {
            long container;
            long owner;
            try (PreparedStatement find = db.prepareStatement("SELECT s.id, s.owner_id FROM stobj s JOIN stobj a"
                    + " ON s.parent_id = a.id WHERE a.parent_id IS NULL AND a.name = ? AND s.name = 'c'")) {
                find.setString(1, account);
                try (ResultSet row = find.executeQuery()) {
                    row.next();
                    container = row.getLong(1);
                    owner = row.getLong(2);
                }
            }
            long parent;
            try (PreparedStatement insert = db.prepareStatement("INSERT INTO stobj (parent_id, owner_id, name, type,"
                    + " created_at, modified_at) VALUES (?, ?, ?, 'dir', NOW(6), NOW(6))",
                    PreparedStatement.RETURN_GENERATED_KEYS)) {
                insert.setLong(1, container);
                insert.setLong(2, owner);
                insert.setString(3, directory);
                insert.executeUpdate();
                try (ResultSet key = insert.getGeneratedKeys()) {
                    key.next();
                    parent = key.getLong(1);
                }
            }
            try (PreparedStatement insert = db.prepareStatement("INSERT INTO stobj (parent_id, owner_id, name, type,"
                    + " size, etag, created_at, modified_at) VALUES (?, ?, ?, 'file', 1,"
                    + " '0cc175b9c0f1b6a831c399e269772661', NOW(6), NOW(6))")) {
                for (int i = 0; i < count; i++) {
                    insert.setLong(1, parent);
                    insert.setLong(2, owner);
                    insert.setString(3, "f" + i);
                    insert.addBatch();
                    Files.writeString(dir.resolve("f" + i), "a");
                }
                insert.executeBatch();
            }
            try (PreparedStatement usage = db.prepareStatement("UPDATE quota SET used_bytes = used_bytes + ?,"
                    + " used_objects = used_objects + ? WHERE user_id = ?")) {
                usage.setLong(1, count);
                usage.setLong(2, count + 1L);
                usage.setLong(3, owner);
                usage.executeUpdate();
            }
        }
    }
}
