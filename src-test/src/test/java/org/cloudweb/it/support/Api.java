package org.cloudweb.it.support;

import static org.junit.jupiter.api.Assertions.assertEquals;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.URI;
import java.net.URL;
import java.net.UnknownHostException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/**
 * A client of the REST API for black-box tests: JSON in and out, optionally with a bearer token and an
 * {@code X-Forwarded-For} address (so that each test can act as a client of its own).
 */
public final class Api {

    private static final HttpClient CLIENT = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(10)).build();

    private final URI root;
    private final String token;
    private final String forwardedFor;

    private Api(URI root, String token, String forwardedFor) {
        this.root = root;
        this.token = token;
        this.forwardedFor = forwardedFor;
    }

    /** The API of the deployment at {@code base} (the URL Arquillian injects). */
    public static Api at(URL base) {
        return new Api(URI.create(base.toString()).resolve("/api/v1/"), null, null);
    }

    /**
     * The address the server sees this test JVM connect from (the host of {@code base}, which need not be
     * loopback), for the trusted-proxy setting.
     */
    public static String peerAddress(URL base) {
        try {
            return InetAddress.getByName(base.getHost()).getHostAddress();
        } catch (UnknownHostException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The same API, called with a bearer token. */
    public Api as(String bearerToken) {
        return new Api(root, bearerToken, forwardedFor);
    }

    /** The same API, called through a proxy that says the client is {@code address}. */
    public Api from(String address) {
        return new Api(root, token, address);
    }

    public Api anonymous() {
        return new Api(root, null, forwardedFor);
    }

    public HttpResponse<String> get(String path) {
        return send("GET", path, null);
    }

    public HttpResponse<String> delete(String path) {
        return send("DELETE", path, null);
    }

    public HttpResponse<String> post(String path, JsonObject body) {
        return send("POST", path, body.toString());
    }

    public HttpResponse<String> put(String path, JsonObject body) {
        return send("PUT", path, body.toString());
    }

    public HttpResponse<String> patch(String path, JsonObject body) {
        return send("PATCH", path, body.toString());
    }

    /** Sends a raw body (for malformed JSON and the like). */
    public HttpResponse<String> send(String method, String path, String body) {
        HttpRequest.Builder request = HttpRequest.newBuilder(root.resolve(path)).timeout(Duration.ofSeconds(60))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body));
        if (body != null) {
            request.header("Content-Type", "application/json");
        }
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        if (forwardedFor != null) {
            request.header("X-Forwarded-For", forwardedFor);
        }
        try {
            return CLIENT.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Sends raw bytes (or nothing) with extra headers given as name, value, name, value…; answers bytes. */
    public HttpResponse<byte[]> bytes(String method, String path, byte[] body, String... headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(root.resolve(path)).timeout(Duration.ofSeconds(120))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofByteArray(body));
        for (int i = 0; i < headers.length; i += 2) {
            request.header(headers[i], headers[i + 1]);
        }
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        try {
            return CLIENT.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** {@code fs/} and the names, each percent-encoded as UTF-8 (everything but unreserved characters). */
    public static String fs(String... names) {
        StringBuilder path = new StringBuilder("fs");
        for (String name : names) {
            path.append('/');
            for (byte b : name.getBytes(StandardCharsets.UTF_8)) {
                char c = (char) (b & 0xff);
                if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || "-._~".indexOf(c) >= 0) {
                    path.append(c);
                } else {
                    path.append('%').append(String.format("%02X", b & 0xff));
                }
            }
        }
        return path.toString();
    }

    /** The bearer token this API sends, or null. */
    public String token() {
        return token;
    }

    /** The root of the API, for raw connections. */
    public URI root() {
        return root;
    }

    /** Signs in and answers the token. */
    public String login(String email, String password) {
        HttpResponse<String> response = post("tokens", json("email", email, "password", password));
        assertEquals(201, response.statusCode(), response.body());
        return HttpJson.json(response).getString("token");
    }

    /** The API as the first administrator of the test run. */
    public Api asAdmin() {
        return as(login(System.getProperty("cloudweb.test.admin.email"),
                System.getProperty("cloudweb.test.admin.password")));
    }

    /** A JSON object from alternating names and values (strings, numbers, booleans or null). */
    public static JsonObject json(Object... namesAndValues) {
        JsonObjectBuilder builder = Json.createObjectBuilder();
        for (int i = 0; i < namesAndValues.length; i += 2) {
            String name = (String) namesAndValues[i];
            Object value = namesAndValues[i + 1];
            if (value == null) {
                builder.addNull(name);
            } else if (value instanceof Boolean b) {
                builder.add(name, b);
            } else if (value instanceof Long || value instanceof Integer) {
                builder.add(name, ((Number) value).longValue());
            } else {
                builder.add(name, value.toString());
            }
        }
        return builder.build();
    }
}
