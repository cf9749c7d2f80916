package org.cloudweb.it.consistency;

import static org.cloudweb.it.support.Api.fs;
import static org.cloudweb.it.support.Api.json;
import static org.cloudweb.it.support.HttpJson.json;
import static org.cloudweb.it.support.ProblemAssertions.assertProblem;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileTime;
import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.UUID;
import org.cloudweb.it.support.OwnerApiTest;
import org.cloudweb.it.support.TestDatabase;
import org.junit.jupiter.api.Test;

/**
 * {@code POST /admin/fsck} and {@code /admin/import} over HTTP, against inconsistencies made behind the API's
 * back in the real data directory and database.
 */
class FsckApiIT extends OwnerApiTest {

    private static final List<String> REPAIRABLE = List.of("unindexed", "missing", "size_mismatch",
            "mtime_mismatch", "type_mismatch", "stale_temp", "quota_drift", "orphan_grams",
            "grams_pending");

    @Override
    protected String container() {
        return "c";
    }

    @Test
    void aCheckReportsEveryKindOfFindingAndARepairFixesTheIndexWithoutTouchingAFile() throws Exception {
        String account = owner.name();
        for (String name : List.of("keep.txt", "gone.txt", "grows.txt", "touched.txt")) {
            assertEquals(201, as.bytes("PUT", fs(account, "c", name), name.getBytes()).statusCode());
        }
        assertEquals(201, as.bytes("PUT", fs(account, "c", "sub", "deep.txt"), "deep".getBytes()).statusCode());
        Path c = data().resolve(account).resolve("c");
        Files.writeString(c.resolve("added.txt"), "added behind the back");
        Files.createDirectory(c.resolve("newdir"));
        Files.writeString(c.resolve("newdir").resolve("inner.txt"), "inner");
        Files.delete(c.resolve("gone.txt"));
        Files.writeString(c.resolve("grows.txt"), "grows and grows");
        Files.setLastModifiedTime(c.resolve("touched.txt"), FileTime.from(Instant.now().plus(1, ChronoUnit.HOURS)));
        Files.writeString(Path.of(URI.create(c.toUri() + "bad-%FF.txt")), "not UTF-8"); // raw byte 0xff
        Files.writeString(c.resolve("tab\there.txt"), "a control character");
        Files.createSymbolicLink(c.resolve("link"), Path.of("/etc"));
        int chain = longPath(c, account);
        adjustQuota(account, 1000);

        JsonObject check = runJob("admin/fsck", json("account", account));

        Map<String, Integer> expected = new TreeMap<>(Map.of("unindexed", 3 + chain, "missing", 1,
                "size_mismatch", 1, "mtime_mismatch", 1, "quota_drift", 1, "invalid_name", 2, "path_too_long", 1,
                "symlink", 1));
        assertFindings(expected, check);
        assertTrue(examples(check, "unindexed").contains("/" + account + "/c/added.txt"), check.toString());
        assertTrue(examples(check, "unindexed").contains("/" + account + "/c/newdir/inner.txt"));
        assertEquals(List.of("/" + account + "/c/gone.txt"), examples(check, "missing"));
        assertEquals(List.of("/" + account + "/c/grows.txt"), examples(check, "size_mismatch"));
        assertEquals(List.of("/" + account + "/c/touched.txt"), examples(check, "mtime_mismatch"));
        assertTrue(examples(check, "invalid_name").contains("/" + account + "/c/bad-\\xff.txt"), check.toString());
        assertTrue(examples(check, "invalid_name").contains("/" + account + "/c/tab\\x09here.txt"));
        assertEquals(List.of("/" + account + "/c/link"), examples(check, "symlink"));
        assertEquals(check.getJsonNumber("total").longValue(), check.getJsonNumber("done").longValue());
        assertTrue(check.getJsonNumber("total").longValue() > 10, check.toString());
        assertEquals(404, as.get(fs(account, "c", "added.txt")).statusCode(), "a check changes nothing");

        Map<Path, String> before = snapshot(data().resolve(account));
        JsonObject repair = runJob("admin/fsck", json("account", account, "repair", true));

        assertFindings(expected, repair);
        JsonObject repaired = repair.getJsonObject("report").getJsonObject("repaired");
        assertEquals(3 + chain, repaired.getInt("rowsAdded"), repair.toString());
        assertEquals(1, repaired.getInt("rowsRemoved"));
        assertEquals(2, repaired.getInt("rowsUpdated"));
        assertEquals(1, repaired.getInt("quotasFixed"));
        assertEquals(before, snapshot(data().resolve(account)), "bytes and times of every file are as they were");

        JsonObject again = runJob("admin/fsck", json("account", account));
        assertFindings(Map.of("invalid_name", 2, "path_too_long", 1, "symlink", 1), again);

        HttpResponse<byte[]> added = as.bytes("GET", fs(account, "c", "added.txt"), null);
        assertEquals(200, added.statusCode());
        assertEquals("added behind the back", new String(added.body(), StandardCharsets.UTF_8));
        assertEquals("\"" + md5("added behind the back".getBytes()) + "\"", added.headers().firstValue("ETag")
                .orElseThrow());
        assertEquals("inner", new String(as.bytes("GET", fs(account, "c", "newdir", "inner.txt"), null).body()));
        assertEquals("grows and grows", new String(as.bytes("GET", fs(account, "c", "grows.txt"), null).body()));
        assertEquals(404, as.get(fs(account, "c", "gone.txt")).statusCode());
        JsonObject quota = json(as.get("users/" + owner.id() + "/quota"));
        assertEquals(List.of(indexed(account)[0], indexed(account)[1]),
                List.of(quota.getJsonNumber("usedObjects").longValue(), quota.getJsonNumber("usedBytes").longValue()));
        assertEquals("keep.txt".length() + "grows and grows".length() + "touched.txt".length() + "deep".length()
                + "added behind the back".length() + "inner".length(), quota.getJsonNumber("usedBytes").longValue());
        assertTrue(Files.exists(Path.of(URI.create(c.toUri() + "bad-%FF.txt"))), "names the index cannot hold stay");
        assertTrue(Files.isSymbolicLink(c.resolve("link")));
    }

    @Test
    void anImportIndexesAUserlessAccountOnlyWithCreateUsersAndRunningItAgainChangesNothing() throws Exception {
        String account = "imported-" + UUID.randomUUID().toString().substring(0, 8);
        Path top = data().resolve(account);
        byte[] photo = new byte[1000];
        new Random(7).nextBytes(photo);
        Path jpg = Files.createDirectories(top.resolve("photos").resolve("2024")).resolve("a.jpg");
        Files.write(jpg, photo);
        Files.setLastModifiedTime(jpg, FileTime.from(Instant.parse("2020-01-02T03:04:05Z")));
        Files.writeString(top.resolve("photos").resolve("b.txt"), "bee");
        Files.createDirectories(top.resolve("docs"));
        Files.writeString(top.resolve("docs").resolve("readme.md"), "# read me");
        Map<Path, String> before = snapshot(top);
        try {
            JsonObject refused = runJob("admin/import", json("account", account, "createUsers", false));
            assertFindings(Map.of("account_without_user", 1), refused);
            assertEquals(0, json(admin.get("users?q=" + account)).getInt("total"), "no user without createUsers");
            assertEquals(0, rows(account));

            JsonObject imported = runJob("admin/import", json("account", account, "createUsers", true));

            assertFindings(Map.of("account_without_user", 1, "unindexed", 6), imported);
            JsonObject repaired = imported.getJsonObject("report").getJsonObject("repaired");
            assertEquals(1, repaired.getInt("usersCreated"));
            assertEquals(6, repaired.getInt("rowsAdded"));
            JsonObject user = json(admin.get("users?q=" + account)).getJsonArray("users").getJsonObject(0);
            assertEquals(account, user.getString("name"));
            assertEquals("disabled", user.getString("state"));
            assertEquals(account + "@imported.invalid", user.getString("email"));
            JsonObject photoEntry = json(admin.get(fs(account, "photos", "2024"))).getJsonArray("entries")
                    .getJsonObject(0);
            assertEquals("a.jpg", photoEntry.getString("name"));
            assertEquals(1000, photoEntry.getInt("size"));
            assertEquals(md5(photo), photoEntry.getString("etag"));
            assertEquals(Instant.parse("2020-01-02T03:04:05Z"), Instant.parse(photoEntry.getString("modifiedAt")));
            assertArrayEquals(photo, admin.bytes("GET", fs(account, "photos", "2024", "a.jpg"), null).body());
            long userId = user.getJsonNumber("id").longValue();
            JsonObject quota = json(admin.get("users/" + userId + "/quota"));
            assertEquals(6, quota.getInt("usedObjects"));
            assertEquals(1000 + 3 + "# read me".length(), quota.getInt("usedBytes"));
            String listing = admin.get(fs(account, "photos") + "?limit=100").body();
            assertEquals(0, gramsAmiss(account), "the imported names have the trigrams the insert trigger makes");
            assertEquals(0, count("SELECT COUNT(*) FROM stobj_gram_backlog"), "the job ends with its trigrams added");
            JsonObject found = json(admin.get("search?q=EADM&mode=substring&account=" + account));
            assertEquals("/" + account + "/docs/readme.md",
                    found.getJsonArray("results").getJsonObject(0).getString("path"));
            for (int i = 0; i < 3; i++) { // uploads after an import, on whichever pooled connection, get trigrams
                assertEquals(201, as.bytes("PUT", fs(owner.name(), "c", "after-import-" + i + ".txt"),
                        new byte[] {1}).statusCode());
            }
            assertEquals(0, gramsAmiss(owner.name()));

            JsonObject rerun = runJob("admin/import", json("account", account, "createUsers", true));

            assertFindings(Map.of(), rerun);
            assertEquals(0, rerun.getJsonObject("report").getJsonObject("repaired").getInt("rowsAdded"));
            assertEquals(0, rerun.getJsonObject("report").getJsonObject("repaired").getInt("usersCreated"));
            assertEquals(1, json(admin.get("users?q=" + account)).getInt("total"));
            assertEquals(listing, admin.get(fs(account, "photos") + "?limit=100").body());
            assertEquals(quota, json(admin.get("users/" + userId + "/quota")));
            assertEquals(7, rows(account), "the account and its six entries");
            assertFindings(Map.of(), runJob("admin/fsck", json("account", account)));
            assertEquals(before, snapshot(top), "an import leaves every file as it was");
        } finally {
            JsonObject users = json(admin.get("users?q=" + account));
            if (users.getInt("total") == 1) {
                admin.delete("users/" + users.getJsonArray("users").getJsonObject(0).getJsonNumber("id").longValue());
            }
        }
    }

    @Test
    void trigramsAnImportLeftUndoneAreReportedAndAddedByTheNextRepair() throws Exception {
        String account = owner.name();
        for (String name : List.of("backlog-alpha.txt", "backlog-beta.txt")) {
            assertEquals(201, as.bytes("PUT", fs(account, "c", name), new byte[] {1}).statusCode());
        }
        long[] ids = {count("SELECT MIN(id) FROM stobj WHERE name LIKE 'backlog-%'"),
                count("SELECT MAX(id) FROM stobj WHERE name LIKE 'backlog-%'")};
        // as an import stopped between a unit's commit and its trigrams leaves them: rows noted, trigrams missing
        try (Connection db = TestDatabase.connect(); PreparedStatement drop = db.prepareStatement(
                "DELETE FROM stobj_gram WHERE stobj_id BETWEEN ? AND ?");
             PreparedStatement note = db.prepareStatement(
                     "INSERT INTO stobj_gram_backlog (after_id, up_to_id) VALUES (?, ?)")) {
            drop.setLong(1, ids[0]);
            drop.setLong(2, ids[1]);
            assertTrue(drop.executeUpdate() > 0);
            note.setLong(1, ids[0] - 1);
            note.setLong(2, ids[1]);
            note.executeUpdate();
        }
        assertTrue(gramsAmiss(account) > 0);
        assertEquals(0, json(as.get("search?q=klog-al&mode=substring")).getJsonArray("results").size());

        JsonObject check = runJob("admin/fsck", json("account", account));
        assertEquals(2, findings(check).getInt("grams_pending"), check.toString());
        assertEquals(1, count("SELECT COUNT(*) FROM stobj_gram_backlog"), "a check changes nothing");
        JsonObject repair = runJob("admin/fsck", json("account", account, "repair", true));
        assertEquals(2, repair.getJsonObject("report").getJsonObject("repaired").getInt("gramsAdded"));

        assertEquals(0, gramsAmiss(account), "the noted rows have their trigrams, and no more");
        assertEquals(0, count("SELECT COUNT(*) FROM stobj_gram_backlog"));
        assertEquals("/" + account + "/c/backlog-alpha.txt", json(as.get("search?q=klog-al&mode=substring"))
                .getJsonArray("results").getJsonObject(0).getString("path"));
    }

    @Test
    void importedNamesAreFoundByTheirPostingBlocksUntilRenamedOrDeleted() throws Exception {
        String account = owner.name();
        Path c = data().resolve(account).resolve("c");
        Files.createDirectories(c.resolve("blocks-dir"));
        Files.writeString(c.resolve("blocks-alpha.txt"), "a");
        Files.writeString(c.resolve("blocks-beta.txt"), "b");
        Files.writeString(c.resolve("blocks-dir").resolve("cascaded.txt"), "c");
        assertFindings(Map.of("unindexed", 4), runJob("admin/import", json("account", account)));
        long alpha = count("SELECT id FROM stobj WHERE name = 'blocks-alpha.txt'");
        assertEquals(0, count("SELECT COUNT(*) FROM stobj_gram WHERE stobj_id = " + alpha),
                "an import writes posting blocks, not trigram rows");
        assertEquals(0, gramsAmiss(account));
        assertEquals("/" + account + "/c/blocks-alpha.txt", json(as.get("search?q=KS-ALP&mode=substring"))
                .getJsonArray("results").getJsonObject(0).getString("path"));

        assertEquals(201, as.post("ops/move", json("from", "/" + account + "/c/blocks-alpha.txt",
                "to", "/" + account + "/c/blocks-gamma.txt")).statusCode());
        assertEquals(204, as.delete(fs(account, "c", "blocks-beta.txt")).statusCode());

        assertEquals(0, gramsAmiss(account), "a rename takes the old name's bits out and adds the new name's");
        assertEquals(0, count("SELECT COUNT(*) FROM stobj_gram_block WHERE bits = 0"),
                "a block row goes with its last bit (beta's own trigrams: bet, eta, ta.)");
        assertEquals(0, json(as.get("search?q=ks-alp&mode=substring")).getJsonArray("results").size());
        assertEquals("/" + account + "/c/blocks-gamma.txt", json(as.get("search?q=ks-gam&mode=substring"))
                .getJsonArray("results").getJsonObject(0).getString("path"));
        assertEquals(0, json(as.get("search?q=ks-bet&mode=substring")).getJsonArray("results").size());
        runJob("admin/fsck", json("repair", true)); // whatever other tests left
        assertEquals(0, findings(runJob("admin/fsck", json())).getInt("orphan_grams"),
                "a delete takes its row's bits out");

        // a foreign-key cascade fires no trigger: the bits of the directory's file outlive it
        try (Connection db = TestDatabase.connect(); PreparedStatement delete = db.prepareStatement(
                "DELETE FROM stobj WHERE name = 'blocks-dir' AND owner_id = (SELECT id FROM user WHERE name = ?)")) {
            delete.setString(1, account);
            assertEquals(1, delete.executeUpdate());
        }
        // the ten trigrams of "cascaded.txt": cas asc sca cad ade ded ed. d.t .tx txt
        assertEquals(10, findings(runJob("admin/fsck", json())).getInt("orphan_grams"));
        JsonObject repair = runJob("admin/fsck", json("repair", true));
        assertEquals(10, repair.getJsonObject("report").getJsonObject("repaired").getInt("gramsRemoved"));
        assertEquals(0, findings(runJob("admin/fsck", json())).getInt("orphan_grams"));
        assertEquals("/" + account + "/c/blocks-dir/cascaded.txt", json(as.get("search?q=cascaded&mode=substring"))
                .getJsonArray("results").getJsonObject(0).getString("path"), "the repair indexed the file again");
    }

    @Test
    void aSubstringSearchPagesThroughImportedAndUploadedNamesAlike() throws Exception {
        String account = owner.name();
        Path many = Files.createDirectories(data().resolve(account).resolve("c").resolve("many"));
        Set<String> expected = new TreeSet<>();
        for (int i = 0; i < 300; i++) { // 300 ids: several blocks of 64, a page ending mid-block
            Files.writeString(many.resolve("pg-" + i + ".txt"), "x");
            expected.add("/" + account + "/c/many/pg-" + i + ".txt");
        }
        assertFindings(Map.of("unindexed", 301), runJob("admin/import", json("account", account)));
        assertEquals(201, as.bytes("PUT", fs(account, "c", "many", "pg-uploaded.txt"), new byte[] {1}).statusCode());
        expected.add("/" + account + "/c/many/pg-uploaded.txt");

        List<String> found = new ArrayList<>();
        String cursor = null;
        do {
            JsonObject page = json(as.get("search?mode=substring&limit=7&q=G-" + (cursor == null ? ""
                    : "&cursor=" + URLEncoder.encode(cursor, StandardCharsets.UTF_8))));
            page.getJsonArray("results").getValuesAs(JsonObject.class).forEach(hit -> found.add(hit.getString("path")));
            cursor = page.isNull("next") ? null : page.getString("next");
        } while (cursor != null);

        assertEquals(expected.size(), found.size(), "each name once: " + found);
        assertEquals(expected, new TreeSet<>(found));
    }

    @Test
    void onlyAdministratorsStartChecksAndABadRequestStartsNothing() throws Exception {
        long jobs = count("SELECT COUNT(*) FROM job");

        assertProblem(as.post("admin/fsck", json()), 403, "forbidden");
        assertProblem(api.post("admin/import", json()), 401, "unauthorized");
        assertProblem(admin.post("admin/fsck", json("account", "../etc")), 400, "invalid_name");
        assertProblem(admin.post("admin/import", json("account", "tmp")), 400, "invalid_name");
        assertProblem(admin.post("admin/fsck", json("account", "nobody-" + UUID.randomUUID().toString()
                .substring(0, 8))), 404, "not_found");
        assertProblem(admin.send("POST", "admin/fsck", "{\"repair\":"), 400, "bad_request");

        assertEquals(jobs, count("SELECT COUNT(*) FROM job"));
    }

    @Test
    void aRepairOfTheWholeDataDirectoryRemovesOnlyStaleTemporaryFiles() throws Exception {
        Path tmp = data().resolve("tmp");
        Path stale = tmp.resolve("upload-" + UUID.randomUUID());
        Path fresh = tmp.resolve("upload-" + UUID.randomUUID());
        Files.writeString(stale, "left by a crash");
        Files.setLastModifiedTime(stale, FileTime.from(Instant.now().minus(2, ChronoUnit.HOURS)));
        Files.writeString(fresh, "an upload in progress");
        try {
            JsonObject check = runJob("admin/fsck", json());

            List<String> temps = examples(check, "stale_temp");
            assertTrue(temps.contains("tmp/" + stale.getFileName()), check.toString());
            assertFalse(temps.contains("tmp/" + fresh.getFileName()));
            assertTrue(Files.exists(stale), "a check removes nothing");

            JsonObject repair = runJob("admin/fsck", json("repair", true));

            assertTrue(repair.getJsonObject("report").getJsonObject("repaired").getInt("tempRemoved") >= 1);
            assertFalse(Files.exists(stale));
            assertTrue(Files.exists(fresh));
            assertEquals(0, findings(runJob("admin/fsck", json())).getInt("stale_temp"));
        } finally {
            Files.deleteIfExists(stale);
            Files.deleteIfExists(fresh); // other tests expect tmp to be empty
        }
    }

    /** Starts a job as the administrator and waits for its end; answers the job. */
    private JsonObject runJob(String path, JsonObject body) throws InterruptedException {
        HttpResponse<String> accepted = admin.post(path, body);
        assertEquals(202, accepted.statusCode(), accepted.body());
        String location = accepted.headers().firstValue("Location").orElseThrow();
        String jobPath = location.substring(location.indexOf("jobs/"));
        assertEquals(json(accepted).getJsonNumber("job").longValue(),
                Long.parseLong(jobPath.substring("jobs/".length())));
        JsonObject job = json(admin.get(jobPath));
        for (int i = 0; i < 1200 && "running".equals(job.getString("state")); i++) {
            Thread.sleep(100);
            job = json(admin.get(jobPath));
        }
        assertEquals("done", job.getString("state"), job.toString());
        return job;
    }

    /** Every kind of finding counts as expected (kinds not named: zero). */
    private static void assertFindings(Map<String, Integer> expected, JsonObject job) {
        JsonObject findings = findings(job);
        for (String kind : findings.keySet()) {
            assertEquals(expected.getOrDefault(kind, 0), findings.getInt(kind), kind + " in " + job);
        }
        assertTrue(findings.keySet().containsAll(expected.keySet()), findings.toString());
        assertTrue(findings.keySet().containsAll(REPAIRABLE), findings.toString());
    }

    private static JsonObject findings(JsonObject job) {
        return job.getJsonObject("report").getJsonObject("findings");
    }

    private static List<String> examples(JsonObject job, String kind) {
        JsonObject examples = job.getJsonObject("report").getJsonObject("examples");
        return examples.containsKey(kind)
                ? examples.getJsonArray(kind).getValuesAs(JsonString.class).stream().map(JsonString::getString).toList()
                : List.of();
    }

    /**
     * Directories below {@code c/long} whose path grows past the index's 4000 bytes at the last one; answers
     * how many of them (and {@code long} itself) the index can still hold.
     */
    private static int longPath(Path c, String account) throws IOException {
        int bytes = account.length() + "/c/long".length();
        Path path = Files.createDirectory(c.resolve("long"));
        int holdable = 1;
        while (bytes + 251 <= 4000) {
            path = Files.createDirectory(path.resolve("d".repeat(250)));
            bytes += 251;
            holdable++;
        }
        String last = "x".repeat(4005 - bytes - 1);
        assumeTrue(path.toAbsolutePath().toString().length() + 1 + last.length() < 4096,
                "the data directory's own path leaves room for a path of 4005 bytes below it");
        Files.createDirectory(path.resolve(last));
        return holdable;
    }

    private static void adjustQuota(String account, long bytes) throws Exception {
        try (Connection db = TestDatabase.connect(); PreparedStatement update = db.prepareStatement(
                "UPDATE quota q JOIN user u ON q.user_id = u.id SET q.used_bytes = q.used_bytes + ? WHERE u.name = ?")) {
            update.setLong(1, bytes);
            update.setString(2, account);
            assertEquals(1, update.executeUpdate());
        }
    }

    /** Objects and bytes of an account's rows, as the quota should count them. */
    private static long[] indexed(String account) throws Exception {
        try (Connection db = TestDatabase.connect(); PreparedStatement select = db.prepareStatement(
                "SELECT COUNT(*), COALESCE(SUM(s.size), 0) FROM stobj s JOIN user u ON s.owner_id = u.id"
                        + " WHERE u.name = ? AND s.parent_id IS NOT NULL")) {
            select.setString(1, account);
            try (ResultSet row = select.executeQuery()) {
                row.next();
                return new long[] {row.getLong(1), row.getLong(2)};
            }
        }
    }

    /**
     * Trigrams of an account's objects that differ from what the insert trigger makes of their names: those
     * missing plus those too many (the same CRC32 of three lower-case characters, as V4 and V12 define), in the
     * rows of stobj_gram and the bits of the posting blocks (V15) together.
     */
    private static long gramsAmiss(String account) throws Exception {
        try (Connection db = TestDatabase.connect(); PreparedStatement select = db.prepareStatement("""
                WITH mine AS (SELECT s.id, s.name_lc FROM stobj s JOIN user u ON s.owner_id = u.id WHERE u.name = ?),
                expected AS (SELECT DISTINCT CRC32(SUBSTRING(m.name_lc, p.n, 3)) AS gram, m.id FROM mine m
                    JOIN gram_pos p ON p.n <= CHAR_LENGTH(m.name_lc) - 2),
                actual AS (SELECT g.gram, g.stobj_id AS id FROM stobj_gram g JOIN mine m ON g.stobj_id = m.id
                    UNION SELECT b.gram, m.id FROM stobj_gram_block b JOIN mine m
                    ON b.block = m.id >> 6 AND b.bits & 1 << (m.id & 63) <> 0)
                SELECT (SELECT COUNT(*) FROM expected e LEFT JOIN actual a ON a.gram = e.gram AND a.id = e.id
                        WHERE a.id IS NULL)
                     + (SELECT COUNT(*) FROM actual a LEFT JOIN expected e ON e.gram = a.gram AND e.id = a.id
                        WHERE e.id IS NULL)""")) {
            select.setString(1, account);
            try (ResultSet row = select.executeQuery()) {
                row.next();
                return row.getLong(1);
            }
        }
    }

    /** Rows of an account's tree, the account row included. */
    private static long rows(String account) throws Exception {
        try (Connection db = TestDatabase.connect(); PreparedStatement select = db.prepareStatement("""
                WITH RECURSIVE t (id) AS (SELECT id FROM stobj WHERE parent_id IS NULL AND name = ?
                    UNION ALL SELECT s.id FROM stobj s JOIN t ON s.parent_id = t.id)
                SELECT COUNT(*) FROM t""")) {
            select.setString(1, account);
            try (ResultSet row = select.executeQuery()) {
                row.next();
                return row.getLong(1);
            }
        }
    }

    private static long count(String sql) throws Exception {
        try (Connection db = TestDatabase.connect(); PreparedStatement select = db.prepareStatement(sql);
             ResultSet row = select.executeQuery()) {
            row.next();
            return row.getLong(1);
        }
    }

    /** Every regular file below a directory (by its raw name) with the MD5 of its bytes and its modification time. */
    private static Map<Path, String> snapshot(Path top) throws IOException {
        Map<Path, String> files = new TreeMap<>();
        Files.walkFileTree(top, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attributes) {
                if (attributes.isRegularFile()) {
                    try {
                        files.put(file, md5(Files.readAllBytes(file)) + " " + attributes.lastModifiedTime());
                    } catch (Exception e) {
                        throw new IllegalStateException(e);
                    }
                }
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFileFailed(Path file, IOException failure) {
                throw new UncheckedIOException(failure);
            }
        });
        assertFalse(files.isEmpty());
        return files;
    }

    private static String md5(byte[] content) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("MD5").digest(content));
    }

    private static Path data() {
        return Path.of(System.getProperty(TestDatabase.DATA_DIR));
    }
}
