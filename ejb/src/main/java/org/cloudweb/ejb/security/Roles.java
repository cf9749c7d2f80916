package org.cloudweb.ejb.security;

/** The two roles. Every signed-in user has {@link #USER}; administrators have {@link #ADMIN} as well. */
public final class Roles {

    public static final String ADMIN = "admin";
    public static final String USER = "user";

    private Roles() {
    }
}
