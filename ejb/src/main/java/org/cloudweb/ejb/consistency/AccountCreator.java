package org.cloudweb.ejb.consistency;

/** Makes a disabled user with its account row and quota for an imported account directory. */
@FunctionalInterface
public interface AccountCreator {

    /** The new user's id, or null if the name cannot be taken (e.g. it differs from a user's only in case). */
    Long create(String account);
}
