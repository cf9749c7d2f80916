package org.cloudweb.web.user;

import java.time.Instant;
import org.cloudweb.ejb.user.IssuedToken;

/** The answer to a login: the bearer token, when it expires, and who it is for. */
public record TokenView(String token, Instant expiresAt, UserView user) {

    static TokenView of(IssuedToken issued) {
        return new TokenView(issued.token(), issued.expiresAt(), UserView.of(issued.user()));
    }
}
