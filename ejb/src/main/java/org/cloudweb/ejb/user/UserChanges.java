package org.cloudweb.ejb.user;

import org.cloudweb.persistence.common.State;
import org.cloudweb.persistence.user.UserType;

/**
 * A partial update of a user; null fields stay as they are. Administrators may change all of them; users may
 * change only their own password, and must give the current one as {@code currentPassword}.
 */
public record UserChanges(UserType type, State state, String email, String password, String currentPassword) {

    public boolean touchesMoreThanPassword() {
        return type != null || state != null || email != null;
    }

    @Override
    public String toString() {
        return "UserChanges[type=" + type + ", state=" + state + ", email=" + email
                + ", password=" + (password == null ? "unchanged" : "new") + "]";
    }
}
