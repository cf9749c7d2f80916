package org.cloudweb.ejb.user;

import jakarta.annotation.security.DeclareRoles;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.cloudweb.ejb.config.ConfigKey;
import org.cloudweb.ejb.config.ConfigService;
import org.cloudweb.ejb.error.ForbiddenException;
import org.cloudweb.ejb.error.NotFoundException;
import org.cloudweb.ejb.error.UnauthorizedException;
import org.cloudweb.ejb.record.RecordService;
import org.cloudweb.ejb.security.ResourceFirewall;
import org.cloudweb.ejb.security.Roles;
import org.cloudweb.persistence.common.State;
import org.cloudweb.persistence.user.Token;
import org.cloudweb.persistence.user.User;
import org.cloudweb.persistence.user.UserType;

/**
 * Login, logout and token validation. A token is 256 random bits handed to the client once; the database
 * keeps only its SHA-256, so a leaked table grants nothing.
 */
@Stateless
@DeclareRoles({Roles.ADMIN, Roles.USER})
public class TokenService {

    static final String LOGIN = "login";
    private static final Logger LOG = Logger.getLogger(TokenService.class.getName());
    private static final String BAD_CREDENTIALS = "Wrong e-mail address or password";
    /** last_used_at is written at most this often per token, not on every request. */
    private static final Duration LAST_USED_RESOLUTION = Duration.ofMinutes(1);
    private static final SecureRandom RANDOM = new SecureRandom();

    @PersistenceContext
    EntityManager em;

    @Inject
    Passwords passwords;

    @Inject
    ConfigService config;

    @Inject
    RecordService records;

    @Inject
    LoginThrottle throttle;

    @Inject
    ResourceFirewall firewall;

    @Inject
    TokenCache cache;

    /**
     * Checks the credentials and issues a token valid for {@code token.ttl}. Wrong e-mail and wrong password
     * get the same answer after the same work; repeated failures are throttled.
     */
    @PermitAll
    public IssuedToken login(String email, String password) {
        String subject = email == null ? "" : email.strip();
        throttle.check(subject);
        User user = subject.isEmpty() ? null : em.createNamedQuery(User.BY_EMAIL, User.class)
                .setParameter("email", subject).getResultStream().findFirst().orElse(null);
        boolean valid = passwords.verify(password == null ? "" : password, user == null ? null : user.getPasswordHash());
        if (!valid) {
            records.addFailure(user == null ? null : user.getId(), LOGIN, null, 401, subject);
            throw new UnauthorizedException(BAD_CREDENTIALS);
        }
        if (user.getState() != State.ENABLED) {
            records.addFailure(user.getId(), LOGIN, null, 403, subject);
            throw new ForbiddenException("This user is disabled");
        }
        byte[] secret = new byte[32];
        RANDOM.nextBytes(secret);
        String token = Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
        Instant expiresAt = Instant.now().plus(config.get(ConfigKey.TOKEN_TTL));
        em.persist(new Token(sha256(token), user, expiresAt));
        records.addFor(user.getId(), LOGIN, null, 201, subject);
        LOG.log(Level.FINE, "User {0} signed in", user.getName());
        return new IssuedToken(token, expiresAt, user);
    }

    /**
     * The user behind a token, or null if it is unknown, expired or its user is disabled. Read from the
     * database; a valid answer is kept in the {@link TokenCache} for the following requests.
     */
    @PermitAll
    public AuthenticatedUser validate(String token) {
        if (!plausible(token)) {
            return null;
        }
        long generation = cache.generation(); // before reading: a revocation from now on keeps this out of the cache
        byte[] hash = sha256(token);
        Token stored = em.createNamedQuery(Token.BY_HASH, Token.class).setParameter("hash", hash)
                .getResultStream().findFirst().orElse(null);
        Instant now = Instant.now();
        if (stored == null || !now.isBefore(stored.getExpiresAt())) {
            return null;
        }
        User user = stored.getUser();
        if (user.getState() != State.ENABLED) {
            return null;
        }
        if (stored.getLastUsedAt() == null || stored.getLastUsedAt().plus(LAST_USED_RESOLUTION).isBefore(now)) {
            stored.setLastUsedAt(now);
        }
        AuthenticatedUser authenticated = new AuthenticatedUser(user.getId(), user.getName(),
                user.getType() == UserType.ADMIN);
        cache.put(hash, authenticated, stored.getExpiresAt(), generation);
        return authenticated;
    }

    /** Revokes the caller's token (the one the request was authenticated with). */
    @RolesAllowed(Roles.USER)
    public void logout(String token) {
        String caller = firewall.requireSignedIn().name();
        Token stored = token == null ? null : em.createNamedQuery(Token.BY_HASH, Token.class)
                .setParameter("hash", sha256(token)).getResultStream().findFirst().orElse(null);
        if (stored == null || !stored.getUser().getName().equals(caller)) {
            throw new NotFoundException("No such token");
        }
        em.remove(stored);
        cache.clearAfterCommit();
        records.addFor(stored.getUser().getId(), "logout", null, 204, null);
    }

    /** Drops tokens that expired more than a day ago; they can never be used again. */
    @PermitAll
    public int purgeExpired() {
        return em.createNamedQuery(Token.DELETE_EXPIRED).setParameter("now", Instant.now().minus(Duration.ofDays(1)))
                .executeUpdate();
    }

    /** Whether a string could be a token at all (anything else is refused without a lookup). */
    static boolean plausible(String token) {
        return token != null && !token.isEmpty() && token.length() <= 256;
    }

    static byte[] sha256(String token) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every Java runtime has SHA-256", e);
        }
    }
}
