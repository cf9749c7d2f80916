package org.cloudweb.it.api;

import static org.cloudweb.it.support.HttpJson.get;
import static org.cloudweb.it.support.HttpJson.json;
import static org.cloudweb.it.support.HttpJson.send;
import static org.cloudweb.it.support.ProblemAssertions.assertProblem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpResponse;
import java.util.Map;
import java.util.stream.Collectors;
import org.cloudweb.it.support.Deployments;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The bundle as users run it, seen from outside over HTTP. */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class ApiSmokeIT {

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.bundle();
    }

    @ArquillianResource
    URL base;

    @Test
    void healthIsUpWithTheDatabaseAndTheDataDirectoryChecked() throws Exception {
        HttpResponse<String> response = get(server("/health"));

        assertEquals(200, response.statusCode(), response.body());
        JsonObject health = json(response);
        assertEquals("UP", health.getString("status"));
        Map<String, String> checks = health.getJsonArray("checks").getValuesAs(JsonObject.class).stream()
                .collect(Collectors.toMap(c -> c.getString("name"), c -> c.getString("status")));
        assertEquals("UP", checks.get("database"), response.body());
        assertEquals("UP", checks.get("data-directory"), response.body());
    }

    @Test
    void readinessAnswersOnItsOwnPath() throws Exception {
        HttpResponse<String> response = get(server("/health/ready"));

        assertEquals(200, response.statusCode(), response.body());
        assertEquals("UP", json(response).getString("status"));
    }

    @Test
    void apiRootSaysWhatItIs() throws Exception {
        HttpResponse<String> response = get(app("api/v1"));

        assertEquals(200, response.statusCode());
        assertEquals("CloudWeb", json(response).getString("name"));
        assertEquals("v1", json(response).getString("api"));
    }

    @Test
    void unknownApiRouteIsAProblemNotFound() throws Exception {
        assertProblem(get(app("api/v1/no/such/route")), 404, "not_found");
    }

    @Test
    void pathOutsideTheApiIsAProblemNotFoundToo() throws Exception {
        assertProblem(get(app("no-such-page.html")), 404, "not_found");
    }

    @Test
    void wrongMethodIsAProblemWithTheAllowedMethods() throws Exception {
        HttpResponse<String> response = send("DELETE", app("api/v1"));

        assertProblem(response, 405, "method_not_allowed");
        assertTrue(response.headers().firstValue("Allow").orElse("").contains("GET"), response.headers().toString());
    }

    @Test
    void openApiDescribesTheApi() throws Exception {
        HttpResponse<String> response = get(server("/openapi"));

        assertEquals(200, response.statusCode());
        assertTrue(response.body().contains("/api/v1/users"), response.body());
        assertTrue(response.body().contains("/api/v1/tokens"), response.body());
    }

    private URI app(String path) {
        return URI.create(base.toString()).resolve(path);
    }

    /** Health and OpenAPI are served by Payara at the server root, whatever the application's context root. */
    private URI server(String path) {
        return URI.create(base.getProtocol() + "://" + base.getHost() + ":" + base.getPort() + path);
    }
}
