package org.cloudweb.it.alert;

import static org.cloudweb.it.support.HttpJson.json;
import static org.cloudweb.it.support.ProblemAssertions.assertProblem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonReader;
import jakarta.json.JsonValue;
import jakarta.mail.Address;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.io.StringReader;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import java.util.function.Supplier;
import org.cloudweb.it.support.Api;
import org.cloudweb.it.support.HttpJson;
import org.cloudweb.it.support.SignedInApiTest;
import org.cloudweb.it.support.TestUsers;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Alert rules over HTTP against this host's real samples (every second), with a real SMTP server (GreenMail on a
 * free loopback port) receiving what CloudWeb sends: an alert fires once its {@code for} duration has passed,
 * mails once per repeat interval, and resolves with a mail once the value is below the clear threshold.
 */
class AlertApiIT extends SignedInApiTest {

    private static final Duration WAIT = Duration.ofSeconds(45);

    private static GreenMail smtp;
    private static Api cleanup;

    private final List<Long> rulesToDelete = new ArrayList<>();

    @BeforeAll
    static void startSmtpServer() {
        smtp = new GreenMail(new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_SMTP).dynamicPort());
        smtp.start();
    }

    @AfterAll
    static void stopSmtpServerAndResetSettings() {
        try {
            if (cleanup != null) {
                cleanup.put("config", Api.json("smtp.host", null, "smtp.port", null, "smtp.from", null,
                        "smtp.tls", null, "monitor.interval", null));
            }
        } finally {
            smtp.stop();
        }
    }

    @BeforeEach
    void pointCloudWebAtTheSmtpServer() {
        cleanup = admin;
        HttpResponse<String> response = admin.put("config", Api.json("smtp.host", "127.0.0.1",
                "smtp.port", (long) smtp.getSmtp().getPort(), "smtp.from", "alerts@cloudweb.test", "smtp.tls", "none",
                "monitor.interval", "PT1S"));
        assertEquals(200, response.statusCode(), response.body());
    }

    @AfterEach
    void deleteRulesLeftBehind() {
        rulesToDelete.forEach(id -> admin.delete("alerts/rules/" + id));
    }

    @Test
    void anAlertFiresAfterItsForDurationMailsOncePerRepeatAndResolvesBelowTheClearThreshold() throws Exception {
        JsonObject host = awaitHost();
        String name = "memory-" + UUID.randomUUID();

        HttpResponse<String> created = admin.post("alerts/rules", rule(name, "mem.used", host.getInt("id"), ">", 0,
                null, "PT2S", "PT1H", "ops@example.test"));

        assertEquals(201, created.statusCode(), created.body());
        JsonObject rule = json(created);
        long id = rule.getJsonNumber("id").longValue();
        rulesToDelete.add(id);
        assertTrue(created.headers().firstValue("Location").orElseThrow().endsWith("/api/v1/alerts/rules/" + id));
        assertEquals("PT2S", rule.getString("for"));
        assertEquals("PT1H", rule.getString("repeat"));
        assertEquals("percent", rule.getString("unit"));
        assertEquals(JsonValue.NULL, rule.get("clearThreshold"));
        Instant createdAt = Instant.parse(rule.getString("createdAt"));

        JsonObject firing = await("a firing event", () -> events("rule=" + id).stream()
                .filter(e -> e.getString("state").equals("firing")).findFirst().orElse(null));
        List<MimeMessage> mails = await("the firing e-mail", () -> mailsAbout(name, 1));

        Instant startedAt = Instant.parse(firing.getString("startedAt"));
        assertFalse(startedAt.isBefore(createdAt.plusSeconds(2)),
                "fired " + Duration.between(createdAt, startedAt) + " after the rule was made, not before its 'for'");
        assertEquals(host.getString("name"), firing.getString("hostName"));
        assertEquals(name, firing.getString("ruleName"));
        assertTrue(firing.getJsonNumber("value").doubleValue() > 0);
        MimeMessage mail = mails.get(0);
        assertEquals("[CloudWeb] FIRING: " + name + " on " + host.getString("name"), mail.getSubject());
        assertEquals(List.of("ops@example.test"), addresses(mail.getAllRecipients()));
        assertEquals(List.of("alerts@cloudweb.test"), addresses(mail.getFrom()));
        String body = mail.getContent().toString();
        assertTrue(body.contains("mem.used > 0 percent for PT2S"), body);
        assertTrue(body.contains("Firing since:"), body);

        Thread.sleep(6000); // six more ticks that all breach the threshold: the repeat interval is an hour
        assertEquals(1, mailsAbout(name, 0).size(), "one e-mail per repeat interval");
        List<JsonObject> events = events("rule=" + id);
        assertEquals(1, events.size(), "one event, however many ticks breach: " + events);
        assertEquals("firing", events.get(0).getString("state"));
        assertEquals(1, events.get(0).getInt("notifications"));
        assertNotNull(Instant.parse(events.get(0).getString("lastNotifiedAt")));

        HttpResponse<String> raised = admin.put("alerts/rules/" + id, rule(name, "mem.used", host.getInt("id"), ">",
                100, 99.0, "PT2S", "PT1H", "ops@example.test"));
        assertEquals(200, raised.statusCode(), raised.body());

        JsonObject resolved = await("the event resolved", () -> events("rule=" + id).stream()
                .filter(e -> e.getString("state").equals("resolved")).findFirst().orElse(null));
        List<MimeMessage> both = await("the resolved e-mail", () -> mailsAbout(name, 2));
        assertEquals(firing.getJsonNumber("id").longValue(), resolved.getJsonNumber("id").longValue(),
                "the changed rule took the event over");
        assertTrue(resolved.getJsonNumber("resolvedValue").doubleValue() <= 99, resolved.toString());
        assertFalse(Instant.parse(resolved.getString("resolvedAt")).isBefore(startedAt));
        assertEquals("[CloudWeb] Resolved: " + name + " on " + host.getString("name"), both.get(1).getSubject());
        assertTrue(both.get(1).getContent().toString().contains("Value at resolution:"));
        Thread.sleep(3000);
        assertEquals(1, events("rule=" + id).size(), "nothing fires again below the threshold");
        assertEquals(2, mailsAbout(name, 0).size());
        assertEquals(2, events("rule=" + id).get(0).getInt("notifications"));
        assertEquals(1, events("rule=" + id + "&state=resolved&host=" + host.getInt("id")).size());
        assertEquals(0, events("rule=" + id + "&state=firing").size());
    }

    @Test
    void aRuleWithoutRecipientsMailsTheEnabledAdministrators() throws Exception {
        awaitHost();
        String name = "available-" + UUID.randomUUID();
        HttpResponse<String> created = admin.post("alerts/rules", Json.createObjectBuilder().add("name", name)
                .add("metric", "mem.available").add("comparison", ">").add("threshold", 0).build());
        assertEquals(201, created.statusCode(), created.body());
        long id = json(created).getJsonNumber("id").longValue();
        rulesToDelete.add(id);
        assertEquals(JsonValue.NULL, json(created).get("hostId"), "every host");
        assertEquals("PT0S", json(created).getString("for"));

        List<MimeMessage> mails = await("the firing e-mail", () -> mailsAbout(name, 1));

        List<String> recipients = new ArrayList<>();
        for (MimeMessage mail : mails) {
            recipients.addAll(addresses(mail.getAllRecipients()));
        }
        assertTrue(recipients.contains("admin@cloudweb.test"), recipients.toString());

        assertEquals(204, admin.delete("alerts/rules/" + id).statusCode());
        assertProblem(admin.get("alerts/rules/" + id), 404, "not_found");
        assertEquals(0, events("rule=" + id).size(), "the rule's events went with it");
    }

    @Test
    void rulesAreCheckedFieldByFieldAndNothingIsStoredWhenOneIsWrong() {
        String name = "invalid-" + UUID.randomUUID();

        assertEquals(List.of("metric"), fieldErrors(admin.post("alerts/rules",
                rule(name, "temperature", null, ">", 1, null, null, null))));
        assertEquals(List.of("comparison"), fieldErrors(admin.post("alerts/rules",
                rule(name, "cpu.busy", null, "==", 1, null, null, null))));
        assertEquals(List.of("clearThreshold"), fieldErrors(admin.post("alerts/rules",
                rule(name, "cpu.busy", null, ">", 80, 90.0, null, null))));
        assertEquals(List.of("for"), fieldErrors(admin.post("alerts/rules",
                rule(name, "cpu.busy", null, ">", 80, null, "PT-5S", null))));
        assertEquals(List.of("repeat"), fieldErrors(admin.post("alerts/rules",
                rule(name, "cpu.busy", null, ">", 80, null, null, "soon"))));
        assertEquals(List.of("hostId"), fieldErrors(admin.post("alerts/rules",
                rule(name, "cpu.busy", 65000, ">", 80, null, null, null))));
        assertEquals(List.of("recipients[0]"), fieldErrors(admin.post("alerts/rules",
                rule(name, "cpu.busy", null, ">", 80, null, null, null, "ops at example"))));
        assertEquals(List.of("threshold"), fieldErrors(admin.post("alerts/rules", Json.createObjectBuilder()
                .add("name", name).add("metric", "cpu.busy").add("comparison", ">").build())));
        assertProblem(admin.send("POST", "alerts/rules", "[1]"), 400, "bad_request");
        assertTrue(HttpJson.parse("{\"rules\":" + admin.get("alerts/rules").body() + "}").getJsonArray("rules")
                .getValuesAs(JsonObject.class).stream().noneMatch(r -> r.getString("name").equals(name)),
                "nothing was stored");

        assertProblem(admin.get("alerts/rules/999999999"), 404, "not_found");
        assertProblem(admin.put("alerts/rules/999999999", rule(name, "cpu.busy", null, ">", 1, null, null, null)),
                404, "not_found");
        assertProblem(admin.delete("alerts/rules/999999999"), 404, "not_found");
        assertProblem(admin.get("alerts?state=open"), 400, "bad_request");
        assertProblem(admin.get("alerts?limit=0"), 400, "bad_request");
        assertProblem(admin.get("alerts?host=web-1"), 400, "bad_request");
        assertProblem(admin.get("alerts?cursor=x"), 400, "bad_request");
    }

    @Test
    void changesAreAuditedAndOnlyAdministratorsReachAlerts() {
        String name = "audited-" + UUID.randomUUID();
        HttpResponse<String> created = admin.post("alerts/rules", rule(name, "cpu.busy", null, ">", 101, null, null,
                null));
        assertEquals(201, created.statusCode(), created.body());
        long id = json(created).getJsonNumber("id").longValue();
        rulesToDelete.add(id);
        HttpResponse<String> disabled = admin.put("alerts/rules/" + id, Json.createObjectBuilder(json(created))
                .add("enabled", false).build());
        assertEquals(200, disabled.statusCode(), disabled.body());
        assertEquals(JsonValue.FALSE, json(disabled).get("enabled"));
        assertEquals(204, admin.delete("alerts/rules/" + id).statusCode());

        for (String action : new String[] {"alert.rule.create", "alert.rule.update", "alert.rule.delete"}) {
            JsonArray records = json(admin.get("records?action=" + action + "&limit=20")).getJsonArray("records");
            assertTrue(records.getValuesAs(JsonObject.class).stream().anyMatch(r -> r.getString("detail", "")
                    .startsWith("rule " + id + " '" + name + "'") && r.getString("userName", "").equals("admin")),
                    action + ": " + records);
        }

        var user = TestUsers.create(admin, "alerts");
        Api asUser = api.as(api.login(user.email(), user.password()));
        assertProblem(asUser.get("alerts/rules"), 403, "forbidden");
        assertProblem(asUser.post("alerts/rules", rule(name, "cpu.busy", null, ">", 1, null, null, null)), 403,
                "forbidden");
        assertProblem(asUser.get("alerts"), 403, "forbidden");
        assertProblem(api.get("alerts"), 401, "unauthorized");
        JsonArray refused = json(admin.get("records?action=alert.rule.create&user=" + user.id()))
                .getJsonArray("records");
        assertEquals(403, refused.getJsonObject(0).getInt("status"), refused.toString());
    }

    // --- helpers

    private static JsonObject rule(String name, String metric, Integer hostId, String comparison, double threshold,
                                   Double clear, String forDuration, String repeat, String... recipients) {
        JsonObjectBuilder rule = Json.createObjectBuilder().add("name", name).add("metric", metric)
                .add("comparison", comparison).add("threshold", threshold);
        if (hostId != null) {
            rule.add("hostId", hostId);
        }
        if (clear != null) {
            rule.add("clearThreshold", clear);
        }
        if (forDuration != null) {
            rule.add("for", forDuration);
        }
        if (repeat != null) {
            rule.add("repeat", repeat);
        }
        if (recipients.length > 0) {
            JsonArrayBuilder list = Json.createArrayBuilder();
            Arrays.stream(recipients).forEach(list::add);
            rule.add("recipients", list);
        }
        return rule.build();
    }

    private static List<String> fieldErrors(HttpResponse<String> response) {
        JsonObject problem = assertProblem(response, 400, "bad_request");
        return problem.getJsonArray("errors").getValuesAs(JsonObject.class).stream()
                .map(e -> e.getString("field")).toList();
    }

    private List<JsonObject> events(String query) {
        HttpResponse<String> response = admin.get("alerts?" + query);
        assertEquals(200, response.statusCode(), response.body());
        return json(response).getJsonArray("events").getValuesAs(JsonObject.class);
    }

    /** The mails received about a rule, once there are at least {@code count} (else null), oldest first. */
    private static List<MimeMessage> mailsAbout(String ruleName, int count) {
        List<MimeMessage> about = new ArrayList<>();
        for (MimeMessage message : smtp.getReceivedMessages()) {
            try {
                if (message.getSubject().contains(ruleName)) {
                    about.add(message);
                }
            } catch (MessagingException e) {
                throw new IllegalStateException(e);
            }
        }
        return about.size() >= count ? about : null;
    }

    private static List<String> addresses(Address[] addresses) {
        return Arrays.stream(addresses).map(Address::toString).toList();
    }

    private static <T> T await(String what, Supplier<T> probe) throws InterruptedException {
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (true) {
            T found = probe.get();
            if (found != null) {
                return found;
            }
            assertTrue(System.nanoTime() < deadline, "waited " + WAIT + " for " + what);
            Thread.sleep(250);
        }
    }

    /** This host, once the monitor has registered it. */
    private JsonObject awaitHost() throws InterruptedException {
        return await("this host", () -> {
            HttpResponse<String> response = admin.get("hosts");
            assertEquals(200, response.statusCode(), response.body());
            try (JsonReader reader = Json.createReader(new StringReader(response.body()))) {
                return reader.readArray().getValuesAs(JsonObject.class).stream()
                        .filter(h -> !h.getString("name").equals("concurrent-test") && h.getBoolean("available")
                                && h.containsKey("inventoryAt"))
                        .findFirst().orElse(null);
            }
        });
    }
}
