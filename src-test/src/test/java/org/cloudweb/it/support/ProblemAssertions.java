package org.cloudweb.it.support;

import static org.cloudweb.it.support.HttpJson.json;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.net.http.HttpResponse;

/** What every error answer of the API must look like (SPEC.md: problem+json with a stable code). */
public final class ProblemAssertions {

    private ProblemAssertions() {
    }

    public static JsonObject assertProblem(HttpResponse<String> response, int status, String code) {
        assertEquals(status, response.statusCode(), response.body());
        assertTrue(response.headers().firstValue("Content-Type").orElse("").startsWith("application/problem+json"),
                response.headers().toString());
        JsonObject problem = json(response);
        assertEquals(status, problem.getInt("status"));
        assertEquals(code, problem.getString("code"));
        assertEquals(JsonValue.ValueType.STRING, problem.get("title").getValueType());
        assertTrue(problem.getString("type").endsWith(code), problem.toString());
        return problem;
    }
}
