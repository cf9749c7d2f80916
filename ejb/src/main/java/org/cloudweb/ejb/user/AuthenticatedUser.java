package org.cloudweb.ejb.user;

/** The user behind a valid token, as the authentication mechanism needs it. */
public record AuthenticatedUser(long id, String name, boolean admin) {
}
