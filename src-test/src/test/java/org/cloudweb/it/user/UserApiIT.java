package org.cloudweb.it.user;

import static org.cloudweb.it.support.Api.json;
import static org.cloudweb.it.support.HttpJson.json;
import static org.cloudweb.it.support.ProblemAssertions.assertProblem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.cloudweb.it.support.Api;
import org.cloudweb.it.support.SignedInApiTest;
import org.cloudweb.it.support.TestDatabase;
import org.cloudweb.it.support.TestUsers;
import org.cloudweb.it.support.TestUsers.TestUser;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Registration and user administration over HTTP, checked against the rows and the data directory. */
class UserApiIT extends SignedInApiTest {

    @AfterEach
    void closeRegistration() {
        admin.put("config", json("registration.open", null));
    }

    @Test
    void openRegistrationCreatesTheUserTheirAccountDirectoryAndQuota() throws Exception {
        admin.put("config", json("registration.open", true, "quota.default.max-bytes", 1_000_000L));
        String name = unique("alice");
        String password = "correct horse " + UUID.randomUUID();
        try {
            HttpResponse<String> response = api.post("users", json("name", name, "email", name + "@example.test",
                    "password", password));

            assertEquals(201, response.statusCode(), response.body());
            JsonObject user = json(response);
            assertEquals(name, user.getString("name"));
            assertEquals("user", user.getString("type"));
            assertEquals("enabled", user.getString("state"));
            assertTrue(response.headers().firstValue("Location").orElse("")
                    .endsWith("/api/v1/users/" + user.getJsonNumber("id").longValue()), response.headers().toString());
            assertNoPasswordIn(response, password);
            assertTrue(Files.isDirectory(accountDirectory(name)));
            assertEquals(List.of("account " + name), rows(
                    "SELECT CONCAT(type, ' ', name) FROM stobj WHERE parent_id IS NULL AND name = ?", name));
            assertEquals(List.of("1000000 null 0 0"), rows("SELECT CONCAT_WS(' ', q.max_bytes, IFNULL(q.max_objects,"
                    + " 'null'), q.used_bytes, q.used_objects) FROM quota q JOIN user u ON q.user_id = u.id"
                    + " WHERE u.name = ?", name));
        } finally {
            admin.put("config", json("quota.default.max-bytes", null));
        }
    }

    @Test
    void closedRegistrationIsForAdministratorsOnly() {
        TestUser someone = TestUsers.create(admin, "closed");
        String name = unique("bob");
        var request = json("name", name, "email", name + "@example.test", "password", "long enough password");

        assertProblem(api.post("users", request), 401, "unauthorized");
        assertProblem(api.as(api.login(someone.email(), someone.password())).post("users", request), 403, "forbidden");
        assertFalse(Files.exists(accountDirectory(name)));
        assertEquals(201, admin.post("users", request).statusCode());
    }

    @Test
    void duplicateNamesAndEmailsAreConflicts() {
        TestUser existing = TestUsers.create(admin, "dup");

        assertProblem(admin.post("users", json("name", existing.name(), "email", "other-" + existing.email(),
                "password", "long enough password")), 409, "conflict");
        assertProblem(admin.post("users", json("name", existing.name().toUpperCase(), "email",
                "other-" + existing.email(), "password", "long enough password")), 409, "conflict");
        assertProblem(admin.post("users", json("name", unique("other"), "email", existing.email(),
                "password", "long enough password")), 409, "conflict");
    }

    @Test
    void invalidInputIsRefusedFieldByFieldAndNothingIsCreated() throws Exception {
        HttpResponse<String> response = admin.post("users", json("name", "../etc", "email", "not-an-email",
                "password", "shrt7"));

        JsonObject problem = assertProblem(response, 400, "bad_request");
        List<String> fields = problem.getJsonArray("errors").getValuesAs(JsonObject.class).stream()
                .map(e -> e.getString("field")).sorted().toList();
        assertEquals(List.of("email", "name", "password"), fields, problem.toString());
        assertFalse(response.body().contains("shrt7"), "the refused password is not echoed");
        assertEquals(List.of(), rows("SELECT name FROM user WHERE email = ?", "not-an-email"));
        assertFalse(Files.exists(accountDirectory("..").resolve("etc")));
        for (String body : List.of("[1]", "null", "{\"name\": ", "{\"name\": [\"x\"]}")) {
            assertProblem(admin.send("POST", "users", body), 400, "bad_request");
        }
        assertEquals(List.of("name", "password"), assertProblem(admin.post("users", json("email", "x@example.test")),
                400, "bad_request").getJsonArray("errors").getValuesAs(JsonObject.class).stream()
                .map(e -> e.getString("field")).sorted().toList());
    }

    @Test
    void whenTheAccountDirectoryCannotBeMadeNothingRemains() throws Exception {
        String name = unique("blocked");
        Files.writeString(accountDirectory(name), "a file where the account directory would go");

        assertProblem(admin.post("users", json("name", name, "email", name + "@example.test",
                "password", "long enough password")), 409, "conflict");

        assertEquals(List.of(), rows("SELECT id FROM user WHERE name = ?", name));
        assertEquals(List.of(), rows("SELECT id FROM stobj WHERE name = ?", name));
        assertTrue(Files.isRegularFile(accountDirectory(name)), "the file in the way is left alone");
    }

    @Test
    void namesTheDataDirectoryUsesAreReserved() {
        for (String name : List.of("db", "DB", "initial-admin-password", ".hidden", "..")) {
            assertProblem(admin.post("users", json("name", name, "email", unique("r") + "@example.test",
                    "password", "long enough password")), 400, "invalid_name");
        }
        assertEquals(400, admin.post("users", json("name", "x".repeat(65), "email", unique("r") + "@example.test",
                "password", "long enough password")).statusCode());
    }

    @Test
    void usersSeeThemselvesButNobodyElse() {
        TestUser carol = TestUsers.create(admin, "carol");
        TestUser dave = TestUsers.create(admin, "dave");
        Api asCarol = api.as(api.login(carol.email(), carol.password()));

        HttpResponse<String> me = asCarol.get("users/me");
        assertEquals(carol.name(), json(me).getString("name"));
        assertNoPasswordIn(me, carol.password());
        assertEquals(carol.email(), json(asCarol.get("users/" + carol.id())).getString("email"));
        assertProblem(asCarol.get("users/" + dave.id()), 403, "forbidden");
        assertProblem(asCarol.get("users/999999999"), 403, "forbidden");
        assertProblem(admin.get("users/999999999"), 404, "not_found");
    }

    @Test
    void administrationIsForAdministrators() {
        TestUser erin = TestUsers.create(admin, "erin");
        Api asErin = api.as(api.login(erin.email(), erin.password()));

        for (String path : List.of("users", "config")) {
            assertProblem(api.get(path), 401, "unauthorized");
            assertProblem(asErin.get(path), 403, "forbidden");
        }
        assertProblem(api.delete("users/" + erin.id()), 401, "unauthorized");
        assertProblem(asErin.delete("users/" + erin.id()), 403, "forbidden");
        assertProblem(asErin.patch("users/" + erin.id(), json("type", "admin")), 403, "forbidden");
        assertEquals("user", json(admin.get("users/" + erin.id())).getString("type"));
    }

    @Test
    void administratorsListAndSearchUsersPageByPage() {
        String tag = "page" + UUID.randomUUID().toString().substring(0, 6);
        for (int i = 0; i < 3; i++) {
            TestUsers.create(admin, tag);
        }

        JsonObject first = json(admin.get("users?q=" + tag + "&limit=2"));
        JsonObject second = json(admin.get("users?q=" + tag.toUpperCase() + "&limit=2&offset=2"));

        assertEquals(3, first.getInt("total"));
        assertEquals(2, first.getJsonArray("users").size());
        assertEquals(1, second.getJsonArray("users").size());
        assertFalse(first.toString().contains("password"), first.toString());
        assertProblem(admin.get("users?limit=0"), 400, "bad_request");
        assertProblem(admin.get("users?offset=-1"), 400, "bad_request");
    }

    @Test
    void disablingAUserRejectsTheirTokenAtOnceAndTheirLogins() {
        TestUser frank = TestUsers.create(admin, "frank");
        String token = api.login(frank.email(), frank.password());
        assertEquals(200, api.as(token).get("users/me").statusCode(), "the token works until then");

        HttpResponse<String> disabled = admin.patch("users/" + frank.id(), json("state", "disabled"));

        assertEquals("disabled", json(disabled).getString("state"), disabled.body());
        assertProblem(api.as(token).get("users/me"), 401, "unauthorized");
        assertProblem(api.post("tokens", json("email", frank.email(), "password", frank.password())), 403,
                "forbidden");
        admin.patch("users/" + frank.id(), json("state", "enabled"));
        assertEquals(201, api.post("tokens", json("email", frank.email(), "password", frank.password()))
                .statusCode());
    }

    @Test
    void usersChangeTheirOwnPasswordGivingTheCurrentOne() {
        TestUser grace = TestUsers.create(admin, "grace");
        String token = api.login(grace.email(), grace.password());
        Api asGrace = api.as(token);

        assertProblem(asGrace.patch("users/" + grace.id(), json("password", "a brand new password",
                "currentPassword", "wrong guess")), 403, "forbidden");
        HttpResponse<String> changed = asGrace.patch("users/" + grace.id(), json("password", "a brand new password",
                "currentPassword", grace.password()));

        assertEquals(200, changed.statusCode(), changed.body());
        assertNoPasswordIn(changed, "a brand new password");
        assertProblem(asGrace.get("users/me"), 401, "unauthorized"); // tokens are revoked with the old password
        assertEquals(201, api.post("tokens", json("email", grace.email(), "password", "a brand new password"))
                .statusCode());
    }

    @Test
    void deletingAUserRemovesTheAccountTreeFilesAndRowsButKeepsRecords() throws Exception {
        TestUser henry = TestUsers.create(admin, "henry");
        api.login(henry.email(), henry.password());
        Path account = accountDirectory(henry.name());
        Files.createDirectories(account.resolve("photos/2026"));
        Files.writeString(account.resolve("photos/2026/beach.txt"), "sand");
        addTreeRows(henry.name(), 20);

        assertEquals(204, admin.delete("users/" + henry.id()).statusCode());

        assertFalse(Files.exists(account));
        assertEquals(List.of(), rows("SELECT id FROM user WHERE name = ?", henry.name()));
        assertEquals(List.of(), rows("SELECT id FROM stobj WHERE owner_id = ?", String.valueOf(henry.id())));
        assertEquals(List.of(), rows("SELECT user_id FROM quota WHERE user_id = ?", String.valueOf(henry.id())));
        assertEquals(List.of(), rows("SELECT user_id FROM token WHERE user_id = ?", String.valueOf(henry.id())));
        List<String> records = rows("SELECT CONCAT(action, ' ', IFNULL(user_id, 'null')) FROM record WHERE detail = ?",
                henry.email());
        assertEquals(List.of("login null"), records, "the login record stays, without its user");
        assertProblem(admin.get("users/" + henry.id()), 404, "not_found");
        assertProblem(admin.delete("users/" + henry.id()), 404, "not_found");
    }

    @Test
    void aDeletedUsersTokenIsRefusedAtOnce() {
        TestUser judy = TestUsers.create(admin, "judy");
        Api asJudy = api.as(api.login(judy.email(), judy.password()));
        assertEquals(200, asJudy.get("users/me").statusCode());

        assertEquals(204, admin.delete("users/" + judy.id()).statusCode());

        assertProblem(asJudy.get("users/me"), 401, "unauthorized");
    }

    @Test
    void aDemotedAdministratorLosesAdministrationAtOnce() {
        TestUser kim = TestUsers.create(admin, "kim");
        assertEquals(200, admin.patch("users/" + kim.id(), json("type", "admin")).statusCode());
        Api asKim = api.as(api.login(kim.email(), kim.password()));
        assertEquals(200, asKim.get("users").statusCode());

        assertEquals("user", json(admin.patch("users/" + kim.id(), json("type", "user"))).getString("type"));

        assertProblem(asKim.get("users"), 403, "forbidden");
        assertEquals("user", json(asKim.get("users/me")).getString("type"), "the token itself still works");
    }

    @Test
    void theLastAdministratorCannotBeDemotedDisabledOrDeleted() {
        long adminId = json(admin.get("users/me")).getJsonNumber("id").longValue();

        assertProblem(admin.patch("users/" + adminId, json("type", "user")), 409, "conflict");
        assertProblem(admin.patch("users/" + adminId, json("state", "disabled")), 409, "conflict");
        assertProblem(admin.delete("users/" + adminId), 409, "conflict");
        assertEquals("admin", json(admin.get("users/me")).getString("type"));
    }

    @Test
    void anAdministratorCanPromoteAUser() {
        TestUser ivy = TestUsers.create(admin, "ivy");

        assertEquals("admin", json(admin.patch("users/" + ivy.id(), json("type", "admin"))).getString("type"));
        Api asIvy = api.as(api.login(ivy.email(), ivy.password()));
        assertEquals(200, asIvy.get("users").statusCode());
        assertEquals(204, asIvy.delete("users/" + ivy.id()).statusCode(), "an admin may delete themselves"
                + " while another admin remains");
    }

    /** A chain of directories deeper than InnoDB's 15 cascade levels under the account row. */
    private static void addTreeRows(String account, int depth) throws Exception {
        try (Connection db = TestDatabase.connect()) {
            long parent = Long.parseLong(rows(db, "SELECT id FROM stobj WHERE parent_id IS NULL AND name = ?", account)
                    .get(0));
            long owner = Long.parseLong(rows(db, "SELECT id FROM user WHERE name = ?", account).get(0));
            for (int level = 0; level < depth; level++) {
                try (PreparedStatement insert = db.prepareStatement("INSERT INTO stobj (parent_id, owner_id, name,"
                        + " type, created_at, modified_at) VALUES (?, ?, ?, ?, NOW(6), NOW(6))",
                        PreparedStatement.RETURN_GENERATED_KEYS)) {
                    insert.setLong(1, parent);
                    insert.setLong(2, owner);
                    insert.setString(3, "level" + level);
                    insert.setString(4, level == 0 ? "container" : "dir");
                    insert.executeUpdate();
                    try (ResultSet key = insert.getGeneratedKeys()) {
                        key.next();
                        parent = key.getLong(1);
                    }
                }
            }
        }
    }

    private static List<String> rows(String sql, String parameter) throws Exception {
        try (Connection db = TestDatabase.connect()) {
            return rows(db, sql, parameter);
        }
    }

    private static List<String> rows(Connection db, String sql, String parameter) throws Exception {
        try (PreparedStatement query = db.prepareStatement(sql)) {
            query.setString(1, parameter);
            try (ResultSet result = query.executeQuery()) {
                List<String> values = new ArrayList<>();
                while (result.next()) {
                    values.add(result.getString(1));
                }
                return values;
            }
        }
    }

    private static void assertNoPasswordIn(HttpResponse<String> response, String password) {
        assertFalse(response.body().contains(password), response.body());
        assertFalse(response.body().toLowerCase().contains("password\""), response.body());
    }

    private static Path accountDirectory(String name) {
        return Path.of(System.getProperty(TestDatabase.DATA_DIR)).resolve(name);
    }

    private static String unique(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
    }
}
