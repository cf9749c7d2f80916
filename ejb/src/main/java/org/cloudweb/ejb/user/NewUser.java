package org.cloudweb.ejb.user;

/** What registration needs. Checked by {@link UserService#register}. */
public record NewUser(String name, String email, String password) {

    @Override
    public String toString() {
        return "NewUser[name=" + name + ", email=" + email + "]"; // never the password
    }
}
