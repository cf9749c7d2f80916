package org.cloudweb.persistence.user;

/** The role a user has: an admin reaches every account, a user only their own. */
public enum UserType {
    ADMIN,
    USER
}
