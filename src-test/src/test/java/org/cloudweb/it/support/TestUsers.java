package org.cloudweb.it.support;

import static org.junit.jupiter.api.Assertions.assertEquals;

import jakarta.json.JsonObject;
import java.net.http.HttpResponse;
import java.util.UUID;

/** Creates users with unique names through the API, as an administrator would. */
public final class TestUsers {

    /** A user made for a test, with a password that is never used for anything else. */
    public record TestUser(long id, String name, String email, String password) {
    }

    private TestUsers() {
    }

    public static TestUser create(Api admin, String prefix) {
        String name = prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
        String email = name + "@example.test";
        String password = "pw-" + UUID.randomUUID();
        HttpResponse<String> response = admin.post("users", Api.json("name", name, "email", email,
                "password", password));
        assertEquals(201, response.statusCode(), response.body());
        JsonObject user = HttpJson.json(response);
        return new TestUser(user.getJsonNumber("id").longValue(), name, email, password);
    }
}
