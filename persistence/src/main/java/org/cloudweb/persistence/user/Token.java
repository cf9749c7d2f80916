package org.cloudweb.persistence.user;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.Instant;

/** A bearer token. Only the SHA-256 hash of the opaque token is stored. */
@Entity
@Table(name = "token")
@NamedQuery(name = Token.BY_HASH, query = "SELECT t FROM Token t JOIN FETCH t.user WHERE t.hash = :hash")
@NamedQuery(name = Token.DELETE_OF_USER, query = "DELETE FROM Token t WHERE t.user = :user")
@NamedQuery(name = Token.DELETE_EXPIRED, query = "DELETE FROM Token t WHERE t.expiresAt < :now")
public class Token {

    public static final String BY_HASH = "Token.byHash";
    public static final String DELETE_OF_USER = "Token.deleteOfUser";
    public static final String DELETE_EXPIRED = "Token.deleteExpired";

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @NotNull
    @Size(min = 32, max = 32)
    @Column(nullable = false, length = 32)
    private byte[] hash;

    @NotNull
    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "user_id", nullable = false)
    private User user;

    @NotNull
    @Column(name = "created_at", nullable = false)
    private Instant createdAt = Instant.now();

    @NotNull
    @Column(name = "expires_at", nullable = false)
    private Instant expiresAt;

    @Column(name = "last_used_at")
    private Instant lastUsedAt;

    protected Token() {
    }

    public Token(byte[] hash, User user, Instant expiresAt) {
        this.hash = hash.clone();
        this.user = user;
        this.expiresAt = expiresAt;
    }

    public Long getId() {
        return id;
    }

    public byte[] getHash() {
        return hash.clone();
    }

    public User getUser() {
        return user;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }

    public Instant getExpiresAt() {
        return expiresAt;
    }

    public Instant getLastUsedAt() {
        return lastUsedAt;
    }

    public void setLastUsedAt(Instant lastUsedAt) {
        this.lastUsedAt = lastUsedAt;
    }
}
