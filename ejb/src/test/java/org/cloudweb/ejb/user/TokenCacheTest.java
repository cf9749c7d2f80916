package org.cloudweb.ejb.user;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class TokenCacheTest {

    private static final AuthenticatedUser ALICE = new AuthenticatedUser(7, "alice", false);

    @Test
    void aValidationServesRequestsBrieflyAndIsRememberedForAnOutage() throws InterruptedException {
        TokenCache cache = new TokenCache();
        cache.put(TokenService.sha256("secret"), ALICE, Instant.now().plus(Duration.ofHours(1)), cache.generation());
        assertEquals(ALICE, cache.get("secret"));

        Thread.sleep(TokenCache.TTL.toMillis() + 100);
        assertNull(cache.get("secret"), "older than the TTL: checked against the database again");
        assertEquals(ALICE, cache.getRemembered("secret"));
        assertNull(cache.getRemembered("another"));
    }

    @Test
    void revokedOrExpiredTokensAreNotRemembered() {
        TokenCache cache = new TokenCache();
        cache.put(TokenService.sha256("secret"), ALICE, Instant.now().plus(Duration.ofHours(1)), cache.generation());
        cache.put(TokenService.sha256("old"), ALICE, Instant.now().minusSeconds(1), cache.generation());
        assertNull(cache.getRemembered("old"));

        cache.clear();
        assertNull(cache.getRemembered("secret"));
    }
}
