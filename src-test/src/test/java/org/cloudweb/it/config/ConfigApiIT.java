package org.cloudweb.it.config;

import static org.cloudweb.it.support.Api.json;
import static org.cloudweb.it.support.HttpJson.json;
import static org.cloudweb.it.support.ProblemAssertions.assertProblem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.UUID;
import org.cloudweb.it.support.SignedInApiTest;
import org.cloudweb.it.support.TestDatabase;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The runtime settings over HTTP: typed, validated, effective at once and recorded. */
class ConfigApiIT extends SignedInApiTest {

    @AfterEach
    void restoreDefaults() {
        admin.put("config", json("registration.open", null, "token.ttl", null, "quota.default.max-bytes", null,
                "smtp.username", null, "smtp.password", null));
    }

    @Test
    void everySettingIsListedWithItsTypedDefault() {
        JsonObject config = json(admin.get("config"));

        assertEquals(JsonValue.FALSE, config.get("registration.open"));
        assertEquals("PT24H", config.getString("token.ttl"));
        assertEquals(JsonValue.NULL, config.get("quota.default.max-bytes"));
        assertEquals(JsonValue.NULL, config.get("quota.default.max-objects"));
        assertEquals(0, config.getJsonArray("http.trusted-proxies").size());
    }

    @Test
    void aChangeTakesEffectOnTheNextRequest() {
        String name = "conf-" + UUID.randomUUID().toString().substring(0, 8);
        var registration = json("name", name, "email", name + "@example.test", "password", "long enough password");
        assertProblem(api.post("users", registration), 401, "unauthorized");

        HttpResponse<String> changed = admin.put("config", json("registration.open", true, "token.ttl", "PT1H",
                "quota.default.max-bytes", 5_000_000_000L));

        assertEquals(200, changed.statusCode(), changed.body());
        JsonObject config = json(changed);
        assertEquals(JsonValue.TRUE, config.get("registration.open"));
        assertEquals("PT1H", config.getString("token.ttl"));
        assertEquals(5_000_000_000L, config.getJsonNumber("quota.default.max-bytes").longValue());
        assertEquals(201, api.post("users", registration).statusCode());

        assertEquals(JsonValue.FALSE, json(admin.put("config", json("registration.open", null)))
                .get("registration.open"), "null puts the default back");
    }

    @Test
    void unknownKeysAndWrongTypesAreRefusedAndNothingChanges() {
        assertProblem(admin.put("config", json("registration.open", true, "no.such.key", 1L)), 400, "bad_request");
        assertProblem(admin.put("config", json("registration.open", "yes")), 400, "bad_request");
        assertProblem(admin.put("config", json("token.ttl", "forever")), 400, "bad_request");
        assertProblem(admin.put("config", json("token.ttl", "PT0S")), 400, "bad_request");
        assertProblem(admin.put("config", json("quota.default.max-bytes", -1L)), 400, "bad_request");
        assertProblem(admin.put("config", json("quota.default.max-bytes", "lots")), 400, "bad_request");
        assertProblem(admin.put("config", json("http.trusted-proxies", "proxy.example.com")), 400, "bad_request");
        assertProblem(admin.send("PUT", "config", "{\"registration.open\": [true]}"), 400, "bad_request");
        assertProblem(admin.send("PUT", "config", "[1, 2]"), 400, "bad_request");

        JsonObject config = json(admin.get("config"));
        assertEquals(JsonValue.FALSE, config.get("registration.open"), "the valid part of a refused change is"
                + " not applied either");
        assertEquals("PT24H", config.getString("token.ttl"));
    }

    @Test
    void changesAreRecordedWithTheirAuthor() throws Exception {
        admin.put("config", json("token.ttl", "PT7H"));

        try (Connection db = TestDatabase.connect();
             PreparedStatement query = db.prepareStatement("SELECT u.name FROM record r JOIN user u"
                     + " ON r.user_id = u.id WHERE r.action = 'config.update' AND r.detail = 'token.ttl=PT7H'");
             ResultSet row = query.executeQuery()) {
            assertTrue(row.next(), "the change has a record");
            assertEquals("admin", row.getString(1));
        }
    }

    @Test
    void theSmtpPasswordIsNeverShownNorRecorded() throws Exception {
        String secret = "s3cret-" + UUID.randomUUID();

        HttpResponse<String> set = admin.put("config", json("smtp.username", "alerts", "smtp.password", secret));

        assertEquals(200, set.statusCode(), set.body());
        assertFalse(set.body().contains(secret), set.body());
        assertEquals("********", json(set).getString("smtp.password"));
        assertEquals("alerts", json(set).getString("smtp.username"));
        assertEquals("********", json(admin.get("config")).getString("smtp.password"));
        assertEquals(200, admin.put("config", json("smtp.password", "********")).statusCode(),
                "a listing sent back as it was");
        try (Connection db = TestDatabase.connect()) {
            assertEquals(secret, value(db, "SELECT conf_value FROM webconf WHERE conf_key = 'smtp.password'"),
                    "the mask did not replace the password");
            assertEquals("0", value(db, "SELECT COUNT(*) FROM record WHERE detail LIKE '%" + secret + "%'"));
            assertEquals("smtp.password=(changed)", value(db, "SELECT detail FROM record WHERE action = 'config.update'"
                    + " AND detail LIKE 'smtp.password=%' ORDER BY id DESC LIMIT 1"));
        }

        assertEquals(JsonValue.NULL, json(admin.put("config", json("smtp.password", null))).get("smtp.password"));
    }

    private static String value(Connection db, String sql) throws Exception {
        try (PreparedStatement query = db.prepareStatement(sql); ResultSet row = query.executeQuery()) {
            assertTrue(row.next(), sql);
            return row.getString(1);
        }
    }
}
