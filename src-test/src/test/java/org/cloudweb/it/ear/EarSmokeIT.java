package org.cloudweb.it.ear;

import static org.cloudweb.it.support.HttpJson.get;
import static org.cloudweb.it.support.HttpJson.json;
import static org.cloudweb.it.support.ProblemAssertions.assertProblem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import jakarta.mail.internet.MimeMessage;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;
import java.util.stream.Collectors;
import org.cloudweb.it.support.Api;
import org.cloudweb.it.support.PayaraServerDomain;
import org.cloudweb.it.support.SlowUpload;
import org.cloudweb.launcher.db.EmbeddedDatabase;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * {@code cloudweb.ear} deployed the way ops deploy it: a fresh Payara Server 6 domain on an empty MariaDB, the
 * database given through the environment, checked from outside over HTTP.
 */
class EarSmokeIT {

    private static EmbeddedDatabase database;
    private static PayaraServerDomain domain;
    private static Path dataDir;

    @BeforeAll
    static void deployTheEarToAFreshDomain() throws Exception {
        Path work = Path.of(System.getProperty("cloudweb.test.work")).toAbsolutePath();
        dataDir = work.resolve("ear-data");
        // a database of its own: the first start on an empty one is part of what this test shows
        database = EmbeddedDatabase.start(work.resolve("ear-db"), 0);
        domain = PayaraServerDomain.start(Path.of(System.getProperty("cloudweb.test.payara.home")),
                work.resolve("payara-domains"), Map.of(
                        "CLOUDWEB_DB_URL", database.jdbcUrl(),
                        "CLOUDWEB_DB_USER", database.user(),
                        "CLOUDWEB_DB_PASSWORD", database.password(),
                        "CLOUDWEB_DATA_DIR", dataDir.toString()));
        domain.deploy(Path.of(System.getProperty("cloudweb.test.ear")));
    }

    @AfterAll
    static void stopTheDomainAndTheDatabase() throws Exception {
        try {
            if (domain != null) {
                domain.close();
            }
        } finally {
            if (database != null) {
                database.close();
            }
        }
    }

    @Test
    void healthIsUpWithTheDatabaseAndTheDataDirectoryChecked() throws Exception {
        HttpResponse<String> response = get(domain.http("/health"));

        assertEquals(200, response.statusCode(), () -> response.body() + "\n" + domain.serverLogTail());
        JsonObject health = json(response);
        Map<String, String> checks = health.getJsonArray("checks").getValuesAs(JsonObject.class).stream()
                .collect(Collectors.toMap(c -> c.getString("name"), c -> c.getString("status")));
        assertEquals("UP", health.getString("status"));
        assertEquals("UP", checks.get("database"), response.body());
        assertEquals("UP", checks.get("data-directory"), response.body());
        assertTrue(Files.isDirectory(dataDir), "the application creates the data directory it is given");
    }

    @Test
    void openApiAnswers() throws Exception {
        HttpResponse<String> response = get(domain.http("/openapi"));

        assertEquals(200, response.statusCode(), response.body());
        assertTrue(response.body().contains("/api/v1"), response.body());
    }

    @Test
    void apiIsServedAtTheRootContext() throws Exception {
        HttpResponse<String> response = get(domain.http("/api/v1"));

        assertEquals(200, response.statusCode(), response.body());
        assertEquals("CloudWeb", json(response).getString("name"));
    }

    @Test
    void theFirstAdministratorGetsAGeneratedPasswordOnlyTheOwnerOfTheDataCanRead() throws Exception {
        Path file = dataDir.resolve("initial-admin-password");
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(file)));
        String password = Files.readString(file).strip();
        assertTrue(password.length() >= 24, "a strong password");

        Api api = Api.at(domain.http("/").toURL());
        Api admin = api.as(api.login("admin@localhost", password));

        assertEquals(200, admin.get("users").statusCode(), "the role reaches the services in their own module");
        assertProblem(api.get("users"), 401, "unauthorized");
        assertProblem(api.post("tokens", Api.json("email", "admin@localhost", "password", "wrong password")), 401,
                "unauthorized");
    }

    @Test
    void requestsInProgressCountInTheRankingAcrossTheModules() throws Exception {
        // the counter lives in the monitor's module, the filter that feeds it in the web module
        String password = Files.readString(dataDir.resolve("initial-admin-password")).strip();
        Api api = Api.at(domain.http("/").toURL());
        Api admin = api.as(api.login("admin@localhost", password));
        assertEquals(200, admin.put("config", Api.json("monitor.interval", "PT1S")).statusCode());
        try {
            assertEquals(201, admin.bytes("PUT", Api.fs("admin", "inflight"), null).statusCode());
            JsonObject ranking = Json.createObjectBuilder().add("hosts", Json.createArrayBuilder()).build();
            try (SlowUpload upload = SlowUpload.start(admin, Api.fs("admin", "inflight", "slow.bin"))) {
                long deadline = System.nanoTime() + 45_000_000_000L;
                while (ranking.getJsonArray("hosts").getValuesAs(JsonObject.class).stream()
                        .noneMatch(h -> h.getJsonNumber("inFlight").doubleValue() >= 1)) {
                    assertTrue(System.nanoTime() < deadline, "the upload never counted: " + ranking);
                    Thread.sleep(200);
                    HttpResponse<String> response = admin.get("hosts/ranking");
                    assertEquals(200, response.statusCode(), response.body());
                    ranking = json(response);
                }
                String status = upload.finish();
                assertTrue(status != null && status.startsWith("HTTP/1.1 201 "), status);
            }
            // and the check round runs there too, clock read through JNA included
            int host = ranking.getJsonArray("hosts").getJsonObject(0).getInt("hostId");
            long deadline = System.nanoTime() + 45_000_000_000L;
            JsonObject status = json(admin.get("hosts/" + host + "/status"));
            while (!status.getJsonObject("dataDir").containsKey("ok")
                    || status.getJsonObject("dataDir").isNull("ok")) {
                assertTrue(System.nanoTime() < deadline, "no check round: " + status);
                Thread.sleep(500);
                status = json(admin.get("hosts/" + host + "/status"));
            }
            assertEquals(JsonValue.TRUE, status.getJsonObject("dataDir").get("ok"), status.toString());
            assertTrue(status.getJsonObject("time").getString("detail").matches("(not )?synchronised.*"),
                    status.toString());
        } finally {
            admin.put("config", Api.json("monitor.interval", null));
        }
    }

    @Test
    void anAlertRuleSendsItsEmailFromTheEjbModule() throws Exception {
        // Jakarta Mail is the server's (a provided API), and the evaluation runs in the monitor's own EJB module
        GreenMail smtp = new GreenMail(new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_SMTP).dynamicPort());
        smtp.start();
        try {
            Api api = Api.at(domain.http("/").toURL());
            Api admin = api.as(api.login("admin@localhost",
                    Files.readString(dataDir.resolve("initial-admin-password")).strip()));
            assertEquals(200, admin.put("config", Api.json("smtp.host", "127.0.0.1",
                    "smtp.port", (long) smtp.getSmtp().getPort(), "monitor.interval", "PT1S")).statusCode());
            HttpResponse<String> rule = admin.send("POST", "alerts/rules", "{\"name\": \"ear\", \"metric\":"
                    + " \"mem.used\", \"comparison\": \">\", \"threshold\": 0}");
            assertEquals(201, rule.statusCode(), rule.body());

            assertTrue(smtp.waitForIncomingEmail(60_000, 1), () -> "no alert e-mail\n" + domain.serverLogTail());
            MimeMessage mail = smtp.getReceivedMessages()[0];
            assertTrue(mail.getSubject().startsWith("[CloudWeb] FIRING: ear on "), mail.getSubject());
            assertEquals("admin@localhost", mail.getAllRecipients()[0].toString());
        } finally {
            smtp.stop();
        }
    }

    @Test
    void unknownRouteIsAProblemNotFound() throws Exception {
        assertProblem(get(domain.http("/api/v1/no/such/route")), 404, "not_found");
    }
}
