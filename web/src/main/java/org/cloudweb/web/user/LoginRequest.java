package org.cloudweb.web.user;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.cloudweb.ejb.user.Passwords;

/** The body of {@code POST /tokens}. */
public record LoginRequest(@NotNull @Size(max = 254) String email,
                           @NotNull @Size(max = Passwords.MAX_LENGTH) String password) {

    /** Declared, not implied: its parameters then carry no constraints, which the OpenAPI scanner trips over. */
    public LoginRequest(String email, String password) {
        this.email = email;
        this.password = password;
    }

    @Override
    public String toString() {
        return "LoginRequest[email=" + email + "]";
    }
}
