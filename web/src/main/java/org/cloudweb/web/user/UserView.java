package org.cloudweb.web.user;

import java.time.Instant;
import java.util.Locale;
import org.cloudweb.persistence.user.User;

/** A user as the API shows it: never the password hash. */
public record UserView(long id, String name, String email, String type, String state, Instant createdAt) {

    static UserView of(User user) {
        return new UserView(user.getId(), user.getName(), user.getEmail(),
                user.getType().name().toLowerCase(Locale.ROOT), user.getState().name().toLowerCase(Locale.ROOT),
                user.getCreatedAt());
    }
}
