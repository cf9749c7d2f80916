package org.cloudweb.it.user;

import static org.cloudweb.it.support.Api.json;
import static org.cloudweb.it.support.HttpJson.json;
import static org.cloudweb.it.support.ProblemAssertions.assertProblem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.cloudweb.it.support.Api;
import org.cloudweb.it.support.SignedInApiTest;
import org.cloudweb.it.support.TestDatabase;
import org.cloudweb.it.support.TestUsers;
import org.cloudweb.it.support.TestUsers.TestUser;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Login, logout, expiry and throttling, over HTTP. */
class TokenApiIT extends SignedInApiTest {

    /** A different client address for every test of the run, so that no test inherits another's failures. */
    private static final AtomicInteger NEXT_CLIENT = new AtomicInteger();

    private TestUser user;

    @BeforeEach
    void createUserAndActAsAClientOfOurOwn() {
        // each test is a client of its own, so that its failed logins throttle nobody else
        api = api.from("198.51.100." + (NEXT_CLIENT.getAndIncrement() % 254 + 1));
        assertEquals(200, admin.put("config", json("http.trusted-proxies", Api.peerAddress(base))).statusCode());
        user = TestUsers.create(admin, "token");
    }

    @AfterEach
    void restoreSettings() {
        admin.put("config", json("http.trusted-proxies", null, "token.ttl", null));
    }

    @Test
    void aTokenWorksUntilLogout() {
        HttpResponse<String> login = api.post("tokens", json("email", user.email(), "password", user.password()));

        assertEquals(201, login.statusCode(), login.body());
        JsonObject body = json(login);
        String token = body.getString("token");
        assertTrue(token.length() >= 43, "at least 256 bits: " + token);
        assertEquals(user.name(), body.getJsonObject("user").getString("name"));
        Instant expiresAt = Instant.parse(body.getString("expiresAt"));
        assertTrue(expiresAt.isAfter(Instant.now().plus(Duration.ofHours(23))), expiresAt.toString());
        assertFalse(login.body().contains(user.password()), "the password is never sent back");

        assertEquals(user.name(), json(api.as(token).get("users/me")).getString("name"));
        assertEquals(204, api.as(token).delete("tokens/current").statusCode());

        HttpResponse<String> after = api.as(token).get("users/me");
        assertProblem(after, 401, "unauthorized");
        assertTrue(after.headers().firstValue("WWW-Authenticate").orElse("").startsWith("Bearer"));
    }

    @Test
    void theStoredTokenIsOnlyAHash() throws Exception {
        String token = api.login(user.email(), user.password());

        try (Connection db = TestDatabase.connect();
             PreparedStatement query = db.prepareStatement(
                     "SELECT LENGTH(t.hash), HEX(t.hash) = UPPER(SHA2(?, 256)) FROM token t JOIN user u"
                             + " ON t.user_id = u.id WHERE u.name = ?")) {
            query.setString(1, token);
            query.setString(2, user.name());
            try (ResultSet row = query.executeQuery()) {
                assertTrue(row.next());
                assertEquals(32, row.getInt(1));
                assertTrue(row.getBoolean(2), "the row holds SHA-256 of the token, not the token");
            }
        }
    }

    @Test
    void wrongPasswordAndUnknownUserGetTheSameAnswer() {
        HttpResponse<String> wrongPassword = api.post("tokens", json("email", user.email(), "password", "not-it-at-all"));
        HttpResponse<String> unknownUser = api.post("tokens", json("email", "nobody-" + user.email(),
                "password", "not-it-at-all"));

        assertProblem(wrongPassword, 401, "unauthorized");
        assertProblem(unknownUser, 401, "unauthorized");
        assertEquals(wrongPassword.body(), unknownUser.body());
    }

    @Test
    void aTokenExpiresAfterTheConfiguredTime() throws Exception {
        assertEquals(200, admin.put("config", json("token.ttl", "PT2S")).statusCode());
        String token = api.login(user.email(), user.password());
        assertEquals(200, api.as(token).get("users/me").statusCode());

        Thread.sleep(2500);

        assertProblem(api.as(token).get("users/me"), 401, "unauthorized");
    }

    @Test
    void aGarbledTokenIsRefused() {
        assertProblem(api.as("not-a-token").get("users/me"), 401, "unauthorized");
        assertProblem(api.as("x".repeat(5000)).get("users/me"), 401, "unauthorized");
    }

    @Test
    void repeatedFailuresForOneAddressAreThrottledEvenWithTheRightPassword() {
        for (int i = 0; i < 5; i++) {
            assertProblem(api.post("tokens", json("email", user.email(), "password", "wrong-" + i)), 401,
                    "unauthorized");
        }

        HttpResponse<String> throttled = api.post("tokens", json("email", user.email(), "password", user.password()));

        assertProblem(throttled, 429, "too_many_requests");
        long retryAfter = Long.parseLong(throttled.headers().firstValue("Retry-After").orElseThrow());
        assertTrue(retryAfter >= 1 && retryAfter <= 61, "Retry-After " + retryAfter);
    }

    @Test
    void repeatedFailuresFromOneClientAreThrottledForEveryAccount() {
        for (int i = 0; i < 5; i++) {
            api.post("tokens", json("email", "guess-" + i + "-" + user.email(), "password", "wrong-password"));
        }

        assertProblem(api.post("tokens", json("email", user.email(), "password", user.password())), 429,
                "too_many_requests");
        // another client may still sign in as this user
        assertEquals(201, Api.at(base).from("203.0.113.7").post("tokens", json("email", user.email(),
                "password", user.password())).statusCode());
    }

    @Test
    void failedAndSuccessfulLoginsAreRecorded() throws Exception {
        api.post("tokens", json("email", user.email(), "password", "wrong-password"));
        api.login(user.email(), user.password());

        List<String> rows = new ArrayList<>();
        try (Connection db = TestDatabase.connect();
             PreparedStatement query = db.prepareStatement(
                     "SELECT status, client FROM record WHERE action = 'login' AND detail = ? ORDER BY id")) {
            query.setString(1, user.email());
            try (ResultSet row = query.executeQuery()) {
                while (row.next()) {
                    rows.add(row.getInt(1) + " " + row.getString(2));
                }
            }
        }
        assertEquals(2, rows.size(), rows.toString());
        assertTrue(rows.get(0).startsWith("401 198.51.100."), rows.toString());
        assertTrue(rows.get(1).startsWith("201 198.51.100."), rows.toString());
    }

    @Test
    void malformedLoginIsABadRequestWithFieldDetails() {
        HttpResponse<String> response = api.post("tokens", json("email", user.email()));

        JsonObject problem = assertProblem(response, 400, "bad_request");
        assertTrue(problem.toString().contains("password"), problem.toString());
        assertProblem(api.send("POST", "tokens", "{not json"), 400, "bad_request");
    }
}
