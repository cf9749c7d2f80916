package org.cloudweb.web.security;

import jakarta.ejb.EJB;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import jakarta.security.enterprise.AuthenticationStatus;
import jakarta.security.enterprise.authentication.mechanism.http.HttpAuthenticationMechanism;
import jakarta.security.enterprise.authentication.mechanism.http.HttpMessageContext;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import org.cloudweb.ejb.config.ConfigKey;
import org.cloudweb.ejb.config.ConfigService;
import org.cloudweb.ejb.outage.DatabaseOutage;
import org.cloudweb.ejb.security.RequestOrigin;
import org.cloudweb.ejb.security.Roles;
import org.cloudweb.ejb.user.AuthenticatedUser;
import org.cloudweb.ejb.user.TokenCache;
import org.cloudweb.ejb.user.TokenService;
import org.cloudweb.web.error.Problem;
import org.cloudweb.web.record.FailureRecorder;

/**
 * Notes where each request comes from (see {@link ClientAddresses}) and authenticates
 * {@code Authorization: Bearer <token>}. Without the header the request goes
 * on anonymously (the services decide what anonymous callers may do); with a token that is unknown, expired,
 * revoked or whose user is disabled, it is answered 401 at once. A token validated in the last seconds is
 * taken from the {@link TokenCache}, which logout and every change of a user clear, so that these take effect
 * on the next request; anything else is checked against the database.
 */
@ApplicationScoped
public class BearerAuthenticationMechanism implements HttpAuthenticationMechanism {

    private static final String PREFIX = "Bearer ";
    private static final Jsonb JSON = JsonbBuilder.create();

    @Inject
    TokenService tokens;

    @Inject
    TokenCache validated;

    @Inject
    RequestOrigin origin;

    @Inject
    ConfigService config;

    @Inject
    FailureRecorder failures;

    @EJB
    DatabaseOutage outage;

    @Override
    public AuthenticationStatus validateRequest(HttpServletRequest request, HttpServletResponse response,
                                                HttpMessageContext context) {
        String forwardedFor = request.getHeader("X-Forwarded-For");
        // the setting is read only when a proxy header is there: plain requests cost no database read
        List<String> trusted = forwardedFor == null ? List.of() : config.get(ConfigKey.TRUSTED_PROXIES);
        origin.setClientAddress(ClientAddresses.resolve(request.getRemoteAddr(), forwardedFor, trusted));
        String token = bearerToken(request);
        if (token == null) {
            return context.doNothing();
        }
        AuthenticatedUser user = validated.get(token);
        if (user == null) {
            user = validate(token);
        }
        if (user == null && outage.isDown()) {
            response.setHeader("Retry-After", Long.toString(DatabaseOutage.RETRY_AFTER_SECONDS));
            send(response, Problem.of(503, "service_unavailable", "The database is unreachable and this token was not "
                    + "used in the last minutes; try again later"));
            return AuthenticationStatus.SEND_FAILURE;
        }
        if (user == null) {
            reject(response);
            failures.refused(request.getMethod(), apiPath(request), asksForDirectory(request), 401, "unauthorized");
            return AuthenticationStatus.SEND_FAILURE;
        }
        origin.setUserId(user.id());
        return context.notifyContainerAboutLogin(user.name(),
                user.admin() ? Set.of(Roles.USER, Roles.ADMIN) : Set.of(Roles.USER));
    }

    /** The user behind a token from the database or, while it is unreachable, from a recent validation. */
    private AuthenticatedUser validate(String token) {
        if (!outage.isDown()) {
            try {
                return tokens.validate(token);
            } catch (RuntimeException e) {
                if (!outage.failed(e)) {
                    throw e;
                }
            }
        }
        return validated.getRemembered(token);
    }

    /** The token of the request, or null if it has none; a malformed header counts as a bad token. */
    public static String bearerToken(HttpServletRequest request) {
        String header = request.getHeader("Authorization");
        if (header == null) {
            return null;
        }
        return header.regionMatches(true, 0, PREFIX, 0, PREFIX.length()) ? header.substring(PREFIX.length()).strip()
                : "";
    }

    /** Whether the query says {@code type=dir}; read from the query string, as reading parameters may eat a form body. */
    private static boolean asksForDirectory(HttpServletRequest request) {
        String query = request.getQueryString();
        return query != null && Arrays.asList(query.split("&")).contains("type=dir");
    }

    /** The decoded path below {@code /api/v1}, or "" for a request elsewhere. */
    private static String apiPath(HttpServletRequest request) {
        String prefix = request.getContextPath() + "/api/v1/";
        String raw = request.getRequestURI();
        if (!raw.startsWith(prefix)) {
            return "";
        }
        try {
            return URI.create(raw.substring(prefix.length())).getPath(); // decodes %XX, leaves '+' alone
        } catch (IllegalArgumentException malformed) {
            return raw.substring(prefix.length());
        }
    }

    private static void reject(HttpServletResponse response) {
        response.setHeader("WWW-Authenticate", "Bearer error=\"invalid_token\"");
        send(response, Problem.of(401, "unauthorized", "The token is invalid, expired or revoked"));
    }

    private static void send(HttpServletResponse response, Problem problem) {
        response.setStatus(problem.status());
        response.setContentType(Problem.MEDIA_TYPE);
        response.setCharacterEncoding(StandardCharsets.UTF_8.name());
        try {
            response.getWriter().write(JSON.toJson(problem));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
