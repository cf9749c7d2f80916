package org.cloudweb.ejb.user;

import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.PersistenceException;
import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.cloudweb.ejb.config.ConfigKey;
import org.cloudweb.ejb.config.ConfigService;
import org.cloudweb.ejb.data.DataDirectory;
import org.cloudweb.ejb.data.TransactionHooks;
import org.cloudweb.ejb.error.ConflictException;
import org.cloudweb.ejb.error.ServiceUnavailableException;
import org.cloudweb.ejb.storage.StoragePath;
import org.cloudweb.ejb.storage.TreeIndex;
import org.cloudweb.persistence.common.State;
import org.cloudweb.persistence.quota.Quota;
import org.cloudweb.persistence.storage.StorageObject;
import org.cloudweb.persistence.storage.StorageObjectType;
import org.cloudweb.persistence.user.User;
import org.cloudweb.persistence.user.UserType;

/**
 * Creates and removes a user together with everything that belongs to them: the account row of the storage
 * tree, the account directory and the quota. Runs inside the calling service's transaction and keeps the
 * directory in step with it: a directory made for a transaction that rolls back is removed again, and a
 * deleted account's files go only once the deletion has committed.
 */
@Dependent
public class AccountStore {

    /** The mail domain of users made by an import (a reserved top-level domain: nothing is ever sent there). */
    public static final String IMPORTED_DOMAIN = "imported.invalid";
    private static final Logger LOG = Logger.getLogger(AccountStore.class.getName());

    @PersistenceContext
    EntityManager em;

    @Inject
    DataDirectory data;

    @Inject
    ConfigService config;

    @Inject
    Passwords passwords;

    @Inject
    TreeIndex tree;

    @Inject
    TransactionHooks hooks;

    /** Creates the user, the account row, the quota and the account directory; all or nothing. */
    public User create(NewUser request, boolean admin) {
        User user = new User(request.name(), request.email(), passwords.hash(request.password()));
        if (admin) {
            user.setType(UserType.ADMIN);
        }
        try {
            em.persist(user);
            em.persist(new StorageObject(null, user, user.getName(), StorageObjectType.ACCOUNT));
            em.flush();
        } catch (PersistenceException duplicate) {
            // a concurrent registration won the race for the name or the e-mail address
            throw new ConflictException("A user with this name or e-mail address already exists");
        }
        em.persist(new Quota(user.getId(), config.get(ConfigKey.QUOTA_DEFAULT_MAX_BYTES),
                config.get(ConfigKey.QUOTA_DEFAULT_MAX_OBJECTS)));
        createDirectory(data.account(user.getName()));
        return user;
    }

    /**
     * A disabled user for an account directory found on disk (an import), with the account row and the
     * default quota; the directory is already there and stays untouched. The password is random and known to
     * nobody, the e-mail address {@code <name>@}{@value #IMPORTED_DOMAIN}: an administrator sets both when
     * enabling the user.
     *
     * @throws ConflictException if the name or that address is taken
     */
    public User createImported(String name) {
        String email = name + "@" + IMPORTED_DOMAIN;
        // asked first: a failed insert would leave the transaction fit only for a rollback
        if (!em.createNamedQuery(User.BY_NAME_OR_EMAIL, User.class).setParameter("name", name)
                .setParameter("email", email).getResultList().isEmpty()) {
            throw new ConflictException("A user with this name or e-mail address already exists");
        }
        User user = new User(name, email, passwords.hash(Passwords.generate()));
        user.setState(State.DISABLED);
        try {
            em.persist(user);
            em.persist(new StorageObject(null, user, name, StorageObjectType.ACCOUNT));
            em.flush();
        } catch (PersistenceException duplicate) {
            throw new ConflictException("A user with this name or e-mail address already exists");
        }
        em.persist(new Quota(user.getId(), config.get(ConfigKey.QUOTA_DEFAULT_MAX_BYTES),
                config.get(ConfigKey.QUOTA_DEFAULT_MAX_OBJECTS)));
        return user;
    }

    /** Deletes the user's rows now and the account directory after commit; records stay. */
    public void delete(User user) {
        String name = user.getName();
        StorageObject account = tree.find(new StoragePath(name, List.of()));
        if (account != null) {
            tree.deleteSubtree(account.getId());
        }
        // tokens and quota go with the user (ON DELETE CASCADE); records keep their text, user_id becomes NULL
        em.remove(em.find(User.class, user.getId()));
        em.flush();
        Path directory = data.account(name);
        hooks.afterCommit(() -> {
            try {
                DataDirectory.deleteTree(directory);
            } catch (IOException e) {
                LOG.log(Level.WARNING, "Account {0} deleted, but its directory could not be removed: {1}",
                        new Object[] {name, e.toString()});
            }
        });
    }

    private void createDirectory(Path directory) {
        try {
            Files.createDirectory(directory);
        } catch (FileAlreadyExistsException e) {
            throw new ConflictException("A directory of this name already exists in the data directory");
        } catch (IOException e) {
            LOG.log(Level.SEVERE, "Cannot create the account directory {0}: {1}",
                    new Object[] {directory, e.toString()});
            throw new ServiceUnavailableException("The account directory could not be created", 60);
        }
        hooks.onRollback(() -> {
            try {
                DataDirectory.deleteTree(directory);
            } catch (IOException e) {
                LOG.log(Level.WARNING, "Cannot remove {0} after a failed registration: {1}",
                        new Object[] {directory, e.toString()});
            }
        });
    }
}
