package org.cloudweb.ejb.user;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import org.cloudweb.ejb.data.TransactionHooks;

/**
 * Tokens validated in the last {@link #TTL}, so that most requests cost no database read. Every operation
 * that can take a token's rights away (logout, any change of a user, deleting a user) clears the whole cache
 * once its transaction has committed, before its caller gets an answer: on this node the very next request
 * is checked against the database. Other nodes of a cluster do not hear of it and may accept a revoked token
 * for up to {@link #TTL}; the TTL is kept that short for this reason. Expiry is checked on every hit.
 * While the database is unreachable, a validation up to {@link #REMEMBERED} old still lets its caller in
 * ({@link #getRemembered}): the callers active before an outage keep reaching their files through it.
 */
@ApplicationScoped
public class TokenCache {

    /** How long a validation is reused; also the longest another node may lag behind a revocation. */
    static final Duration TTL = Duration.ofSeconds(2);
    private static final long TTL_NANOS = TTL.toNanos();
    /** How long a validation is remembered for the time the database is away. */
    static final Duration REMEMBERED = Duration.ofMinutes(15);
    private static final long REMEMBERED_NANOS = REMEMBERED.toNanos();
    private static final int MAX_ENTRIES = 10_000;

    /** By the SHA-256 of the token: the tokens themselves are not kept. */
    private final ConcurrentHashMap<ByteBuffer, Entry> entries = new ConcurrentHashMap<>();
    /** Counts revocations, so that a validation read before one is not cached after it. */
    private final AtomicLong generation = new AtomicLong();

    @Inject
    TransactionHooks hooks;

    /** The user behind a token validated less than {@link #TTL} ago and not expired since, or null. */
    public AuthenticatedUser get(String token) {
        return validatedWithin(token, TTL_NANOS);
    }

    /**
     * The user behind a token validated less than {@link #REMEMBERED} ago and not expired since, or null: only
     * for when the database cannot be asked.
     */
    public AuthenticatedUser getRemembered(String token) {
        return validatedWithin(token, REMEMBERED_NANOS);
    }

    private AuthenticatedUser validatedWithin(String token, long nanos) {
        if (!TokenService.plausible(token)) {
            return null;
        }
        ByteBuffer key = ByteBuffer.wrap(TokenService.sha256(token));
        Entry entry = entries.get(key);
        if (entry == null) {
            return null;
        }
        long age = System.nanoTime() - entry.cachedAt();
        if (age > REMEMBERED_NANOS || !Instant.now().isBefore(entry.expiresAt())) {
            entries.remove(key, entry);
            return null;
        }
        return age > nanos ? null : entry.user();
    }

    /** The current revocation count: read before the database, handed to {@link #put}. */
    long generation() {
        return generation.get();
    }

    /** Keeps a validation read from the database, unless a revocation has happened since {@code seen}. */
    void put(byte[] tokenHash, AuthenticatedUser user, Instant expiresAt, long seen) {
        if (generation.get() != seen) {
            return;
        }
        if (entries.size() >= MAX_ENTRIES) {
            entries.clear();
        }
        ByteBuffer key = ByteBuffer.wrap(tokenHash);
        Entry entry = new Entry(user, expiresAt, System.nanoTime());
        entries.put(key, entry);
        if (generation.get() != seen) {
            entries.remove(key, entry); // a revocation came in between: it may have cleared before the put
        }
    }

    /** Forgets every validation once the current transaction has committed (call it where tokens lose rights). */
    void clearAfterCommit() {
        hooks.afterCommit(this::clear);
    }

    void clear() {
        generation.incrementAndGet();
        entries.clear();
    }

    private record Entry(AuthenticatedUser user, Instant expiresAt, long cachedAt) {
    }
}
