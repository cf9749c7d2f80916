package org.cloudweb.ejb.user;

import java.time.Instant;
import org.cloudweb.persistence.user.User;

/** A new bearer token; the only time the token itself exists outside the client (the database keeps its hash). */
public record IssuedToken(String token, Instant expiresAt, User user) {

    @Override
    public String toString() {
        return "IssuedToken[user=" + user.getName() + ", expiresAt=" + expiresAt + "]";
    }
}
