package org.cloudweb.web.user;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.Locale;
import org.cloudweb.ejb.user.Passwords;
import org.cloudweb.ejb.user.UserChanges;
import org.cloudweb.persistence.common.State;
import org.cloudweb.persistence.user.UserType;

/** The body of {@code PATCH /users/{id}}; absent fields stay unchanged. */
public record UpdateUserRequest(
        @Pattern(regexp = "admin|user", message = "must be 'admin' or 'user'") String type,
        @Pattern(regexp = "enabled|disabled", message = "must be 'enabled' or 'disabled'") String state,
        @Email @Size(max = 254) String email,
        @Size(min = Passwords.MIN_LENGTH, max = Passwords.MAX_LENGTH) String password,
        @Size(max = Passwords.MAX_LENGTH) String currentPassword) {

    /** Declared, not implied: its parameters then carry no constraints, which the OpenAPI scanner trips over. */
    public UpdateUserRequest(String type, String state, String email, String password, String currentPassword) {
        this.type = type;
        this.state = state;
        this.email = email;
        this.password = password;
        this.currentPassword = currentPassword;
    }

    UserChanges toChanges() {
        return new UserChanges(
                type == null ? null : UserType.valueOf(type.toUpperCase(Locale.ROOT)),
                state == null ? null : State.valueOf(state.toUpperCase(Locale.ROOT)),
                email, password, currentPassword);
    }

    @Override
    public String toString() {
        return "UpdateUserRequest[type=" + type + ", state=" + state + ", email=" + email + "]";
    }
}
