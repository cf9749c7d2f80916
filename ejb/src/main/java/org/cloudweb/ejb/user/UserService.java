package org.cloudweb.ejb.user;

import jakarta.annotation.security.DeclareRoles;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.Locale;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.cloudweb.ejb.config.ConfigKey;
import org.cloudweb.ejb.config.ConfigService;
import org.cloudweb.ejb.error.BadRequestException;
import org.cloudweb.ejb.error.ConflictException;
import org.cloudweb.ejb.error.ForbiddenException;
import org.cloudweb.ejb.error.NotFoundException;
import org.cloudweb.ejb.error.UnauthorizedException;
import org.cloudweb.ejb.record.RecordService;
import org.cloudweb.ejb.security.Caller;
import org.cloudweb.ejb.security.ResourceFirewall;
import org.cloudweb.ejb.security.Roles;
import org.cloudweb.persistence.common.State;
import org.cloudweb.persistence.user.Token;
import org.cloudweb.persistence.user.User;
import org.cloudweb.persistence.user.UserType;

/** Registration and administration of users. Passwords are checked here and only their hashes are kept. */
@Stateless
@DeclareRoles({Roles.ADMIN, Roles.USER})
public class UserService {

    private static final Logger LOG = Logger.getLogger(UserService.class.getName());
    private static final int MAX_PAGE = 1000;

    @Inject
    TokenCache tokens;

    @PersistenceContext
    EntityManager em;

    @Inject
    AccountStore accounts;

    @Inject
    Passwords passwords;

    @Inject
    ConfigService config;

    @Inject
    RecordService records;

    @Inject
    ResourceFirewall firewall;

    /**
     * Creates a user with their account, account directory and quota. Open to anyone while
     * {@code registration.open} is set, to administrators only otherwise.
     */
    @PermitAll
    public User register(NewUser request) {
        Caller caller = firewall.caller();
        if (!caller.admin() && !config.get(ConfigKey.REGISTRATION_OPEN)) {
            if (caller.isAnonymous()) {
                throw new UnauthorizedException("Registration is closed: an administrator creates users");
            }
            throw new ForbiddenException("Registration is closed: an administrator creates users");
        }
        checkName(request.name());
        String email = checkEmail(request.email());
        checkNewPassword(request.password());
        if (!em.createNamedQuery(User.BY_NAME_OR_EMAIL, User.class).setParameter("name", request.name())
                .setParameter("email", email).getResultList().isEmpty()) {
            throw new ConflictException("A user with this name or e-mail address already exists");
        }
        User user = accounts.create(new NewUser(request.name(), email, request.password()), false);
        records.addFor(user.getId(), "user.create", "/" + user.getName(), 201, "by " + describe(caller));
        LOG.log(Level.INFO, "User {0} created by {1}", new Object[] {user.getName(), describe(caller)});
        return user;
    }

    /** The caller's own user. */
    @RolesAllowed(Roles.USER)
    public User me() {
        return byName(firewall.requireSignedIn().name());
    }

    /** A user, for administrators or the user themselves. */
    @RolesAllowed(Roles.USER)
    public User find(long id) {
        User user = em.find(User.class, id);
        Caller caller = firewall.caller();
        if (user == null && !caller.admin()) {
            throw new ForbiddenException("Users may only read themselves");
        }
        if (user == null) {
            throw new NotFoundException("No user with id " + id);
        }
        firewall.requireAccount(user.getName());
        return user;
    }

    /** Users whose name or e-mail address contains {@code query} (all when it is empty), oldest first. */
    @RolesAllowed(Roles.ADMIN)
    public UserPage list(String query, int offset, int limit) {
        if (offset < 0 || limit < 1 || limit > MAX_PAGE) {
            throw new BadRequestException("offset must be 0 or more and limit from 1 to " + MAX_PAGE);
        }
        String pattern = "%" + escapeLike(query == null ? "" : query.toLowerCase(Locale.ROOT)) + "%";
        long total = em.createNamedQuery(User.COUNT_SEARCH, Long.class).setParameter("pattern", pattern)
                .getSingleResult();
        return new UserPage(em.createNamedQuery(User.SEARCH, User.class).setParameter("pattern", pattern)
                .setFirstResult(offset).setMaxResults(limit).getResultList(), total, offset, limit);
    }

    /**
     * Changes a user. Administrators may change type, state, e-mail and password; users only their own
     * password, giving the current one. Disabling a user or changing a password revokes their tokens at once.
     */
    @RolesAllowed(Roles.USER)
    public User update(long id, UserChanges changes) {
        User user = find(id);
        Caller caller = firewall.caller();
        if (!caller.admin()) {
            if (changes.touchesMoreThanPassword()) {
                throw new ForbiddenException("Users may only change their own password");
            }
            if (changes.password() != null && (changes.currentPassword() == null
                    || !passwords.verify(changes.currentPassword(), user.getPasswordHash()))) {
                throw new ForbiddenException("The current password is not right");
            }
        }
        boolean revokeTokens = false;
        if (changes.email() != null) {
            String email = checkEmail(changes.email());
            if (!email.equalsIgnoreCase(user.getEmail()) && !em.createNamedQuery(User.BY_EMAIL, User.class)
                    .setParameter("email", email).getResultList().isEmpty()) {
                throw new ConflictException("A user with this e-mail address already exists");
            }
            user.setEmail(email);
        }
        if (changes.password() != null) {
            checkNewPassword(changes.password());
            user.setPasswordHash(passwords.hash(changes.password()));
            revokeTokens = true;
        }
        boolean losesAdmin = user.getType() == UserType.ADMIN && user.getState() == State.ENABLED
                && (changes.type() == UserType.USER || changes.state() == State.DISABLED);
        if (losesAdmin) {
            requireAnotherAdmin();
        }
        if (changes.type() != null) {
            user.setType(changes.type());
        }
        if (changes.state() != null) {
            revokeTokens |= changes.state() == State.DISABLED;
            user.setState(changes.state());
        }
        if (revokeTokens) {
            em.flush();
            em.createNamedQuery(Token.DELETE_OF_USER).setParameter("user", user).executeUpdate();
        }
        tokens.clearAfterCommit(); // validations cached before this change may carry the old type or state
        records.addFor(user.getId(), "user.update", "/" + user.getName(), 200, changes + " by " + describe(caller));
        LOG.log(Level.INFO, "User {0} changed by {1}: {2}", new Object[] {user.getName(), describe(caller), changes});
        return user;
    }

    /** Deletes a user, their tokens, quota and whole account (rows and files); the records stay. */
    @RolesAllowed(Roles.ADMIN)
    public void delete(long id) {
        User user = em.find(User.class, id);
        if (user == null) {
            throw new NotFoundException("No user with id " + id);
        }
        if (user.getType() == UserType.ADMIN && user.getState() == State.ENABLED) {
            requireAnotherAdmin();
        }
        Caller caller = firewall.caller();
        records.addFor(null, "user.delete", "/" + user.getName(), 204, "user " + id + " by " + describe(caller));
        accounts.delete(user);
        tokens.clearAfterCommit();
        LOG.log(Level.INFO, "User {0} deleted by {1}", new Object[] {user.getName(), describe(caller)});
    }

    private User byName(String name) {
        Long id = em.createNamedQuery(User.ID_BY_NAME, Long.class).setParameter("name", name)
                .getResultStream().findFirst()
                .orElseThrow(() -> new UnauthorizedException("This user no longer exists"));
        return em.find(User.class, id);
    }

    private void requireAnotherAdmin() {
        long admins = em.createNamedQuery(User.COUNT_BY_TYPE_AND_STATE, Long.class)
                .setParameter("type", UserType.ADMIN).setParameter("state", State.ENABLED).getSingleResult();
        if (admins <= 1) {
            throw new ConflictException("This is the last enabled administrator");
        }
    }

    private static void checkName(String name) {
        String problem = AccountNames.problem(name);
        if (problem != null) {
            throw new BadRequestException("invalid_name", "The name " + problem);
        }
    }

    /** A syntactically plausible address; the mail server has the last word. Returns it trimmed. */
    static String checkEmail(String email) {
        String trimmed = email == null ? "" : email.strip();
        int at = trimmed.lastIndexOf('@');
        if (trimmed.length() > 254 || at < 1 || at == trimmed.length() - 1 || trimmed.chars()
                .anyMatch(c -> Character.isWhitespace(c) || Character.isISOControl(c))) {
            throw new BadRequestException("The e-mail address is not valid");
        }
        return trimmed;
    }

    static void checkNewPassword(String password) {
        if (password == null || password.length() < Passwords.MIN_LENGTH) {
            throw new BadRequestException("The password must have at least " + Passwords.MIN_LENGTH + " characters");
        }
        if (password.length() > Passwords.MAX_LENGTH) {
            throw new BadRequestException("The password must have at most " + Passwords.MAX_LENGTH + " characters");
        }
    }

    private static String escapeLike(String text) {
        return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }

    private static String describe(Caller caller) {
        return caller.isAnonymous() ? "self-registration" : caller.name();
    }
}
