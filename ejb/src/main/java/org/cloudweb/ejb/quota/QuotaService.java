package org.cloudweb.ejb.quota;

import jakarta.annotation.security.DeclareRoles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import org.cloudweb.ejb.error.NotFoundException;
import org.cloudweb.ejb.record.RecordService;
import org.cloudweb.ejb.security.ResourceFirewall;
import org.cloudweb.ejb.security.Roles;
import org.cloudweb.persistence.quota.Quota;
import org.cloudweb.persistence.user.User;

/** Reading a user's quota (the user or an administrator) and setting its limits (administrators). */
@Stateless
@DeclareRoles({Roles.ADMIN, Roles.USER})
public class QuotaService {

    @PersistenceContext
    EntityManager em;

    @Inject
    ResourceFirewall firewall;

    @Inject
    RecordService records;

    /** Limits and usage of a user, as they are now. */
    @RolesAllowed(Roles.USER)
    public Quota get(long userId) {
        User user = user(userId);
        firewall.requireAccount(user.getName());
        return quotaOf(user, LockModeType.NONE);
    }

    /**
     * Sets both limits; null is unlimited. A limit below the current usage deletes nothing: it only refuses
     * further growth.
     */
    @RolesAllowed(Roles.ADMIN)
    public Quota set(long userId, Long maxBytes, Long maxObjects) {
        User user = user(userId);
        Quota quota = quotaOf(user, LockModeType.PESSIMISTIC_WRITE);
        quota.setMaxBytes(maxBytes);
        quota.setMaxObjects(maxObjects);
        records.addFor(user.getId(), "quota.update", "/" + user.getName(), 200, "maxBytes=" + maxBytes
                + " maxObjects=" + maxObjects + " by " + firewall.caller().name());
        return quota;
    }

    private User user(long userId) {
        User user = em.find(User.class, userId);
        if (user == null) {
            throw new NotFoundException("No user with id " + userId);
        }
        return user;
    }

    private Quota quotaOf(User user, LockModeType lock) {
        Quota quota = em.find(Quota.class, user.getId(), lock);
        if (quota == null) {
            throw new NotFoundException("User " + user.getName() + " has no quota");
        }
        return quota;
    }
}
