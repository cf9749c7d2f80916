package org.cloudweb.web.user;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.cloudweb.ejb.user.NewUser;
import org.cloudweb.ejb.user.Passwords;
import org.cloudweb.persistence.user.User;

/** The body of {@code POST /users}. */
public record CreateUserRequest(
        @NotNull @Pattern(regexp = User.NAME_PATTERN, message = "must be 1 to 64 letters, digits, '.', '_' or '-'")
        String name,
        @NotNull @Email @Size(max = 254) String email,
        @NotNull @Size(min = Passwords.MIN_LENGTH, max = Passwords.MAX_LENGTH) String password) {

    /** Declared, not implied: its parameters then carry no constraints, which the OpenAPI scanner trips over. */
    public CreateUserRequest(String name, String email, String password) {
        this.name = name;
        this.email = email;
        this.password = password;
    }

    NewUser toNewUser() {
        return new NewUser(name, email, password);
    }

    @Override
    public String toString() {
        return "CreateUserRequest[name=" + name + ", email=" + email + "]";
    }
}
