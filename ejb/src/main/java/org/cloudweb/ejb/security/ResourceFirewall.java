package org.cloudweb.ejb.security;

import jakarta.annotation.Resource;
import jakarta.annotation.security.DeclareRoles;
import jakarta.annotation.security.PermitAll;
import jakarta.ejb.SessionContext;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import org.cloudweb.ejb.error.ForbiddenException;
import org.cloudweb.ejb.error.UnauthorizedException;

/**
 * The one authorization check of every account-scoped operation (files, tree, search, quota, records, users):
 * a user reaches only their own account, an administrator every account, an anonymous caller none.
 */
@Stateless
@PermitAll
@DeclareRoles({Roles.ADMIN, Roles.USER})
// the checks read only the caller's identity: no transaction of their own
@TransactionAttribute(TransactionAttributeType.SUPPORTS)
public class ResourceFirewall {

    @Resource
    SessionContext context;

    /** Who is calling right now. */
    public Caller caller() {
        if (!context.isCallerInRole(Roles.USER)) {
            return Caller.ANONYMOUS;
        }
        return new Caller(context.getCallerPrincipal().getName(), context.isCallerInRole(Roles.ADMIN));
    }

    /**
     * Lets the call through only if the caller may reach {@code account}.
     *
     * @return the caller
     * @throws UnauthorizedException if nobody is signed in
     * @throws ForbiddenException    if the account is someone else's
     */
    public Caller requireAccount(String account) {
        Caller caller = requireSignedIn();
        if (!caller.canReach(account)) {
            throw new ForbiddenException("This account belongs to another user");
        }
        return caller;
    }

    /** @throws UnauthorizedException if nobody is signed in */
    public Caller requireSignedIn() {
        Caller caller = caller();
        if (caller.isAnonymous()) {
            throw new UnauthorizedException("Sign in first");
        }
        return caller;
    }
}
