package org.cloudweb.ejb.security;

/**
 * The caller of a service: a signed-in user (whose name is also their account's name) or nobody.
 *
 * @param name  the user's name, or null when anonymous
 * @param admin whether the caller is an administrator
 */
public record Caller(String name, boolean admin) {

    public static final Caller ANONYMOUS = new Caller(null, false);

    public boolean isAnonymous() {
        return name == null;
    }

    /** The resource firewall's rule: users reach their own account, administrators every account. */
    public boolean canReach(String account) {
        return !isAnonymous() && (admin || name.equals(account));
    }
}
