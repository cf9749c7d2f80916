package org.cloudweb.ejb.user;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.security.enterprise.identitystore.Pbkdf2PasswordHash;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Map;

/** Password hashing with Jakarta Security's PBKDF2 (HMAC-SHA256, 210,000 iterations, 32-byte salt per hash). */
@ApplicationScoped
public class Passwords {

    public static final int MIN_LENGTH = 8;
    /** Long enough for any passphrase, short enough that hashing one cannot be used to burn CPU. */
    public static final int MAX_LENGTH = 1024;

    @Inject
    Pbkdf2PasswordHash hash;

    /** Verified against when the user does not exist, so that the answer takes as long either way. */
    private String decoy;

    @PostConstruct
    void configure() {
        hash.initialize(Map.of(
                "Pbkdf2PasswordHash.Algorithm", "PBKDF2WithHmacSHA256",
                "Pbkdf2PasswordHash.Iterations", "210000",
                "Pbkdf2PasswordHash.SaltSizeBytes", "32",
                "Pbkdf2PasswordHash.KeySizeBytes", "32"));
        decoy = hash.generate(generate().toCharArray());
    }

    public String hash(String password) {
        return hash.generate(password.toCharArray());
    }

    /** Checks a password against a stored hash; with a null hash, spends the same time and says no. */
    public boolean verify(String password, String storedHash) {
        if (storedHash == null) {
            hash.verify(password.toCharArray(), decoy);
            return false;
        }
        return hash.verify(password.toCharArray(), storedHash);
    }

    /** A strong random password (192 bits, URL-safe characters). */
    public static String generate() {
        byte[] bytes = new byte[24];
        new SecureRandom().nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
