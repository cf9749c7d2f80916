package org.cloudweb.ejb.user;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.PersistenceException;
import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;
import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.cloudweb.ejb.config.ConfigKey;
import org.cloudweb.ejb.config.ConfigService;
import org.cloudweb.ejb.data.DataDirectory;
import org.cloudweb.ejb.error.ConflictException;
import org.cloudweb.ejb.error.ServiceUnavailableException;
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

    private static final Logger LOG = Logger.getLogger(AccountStore.class.getName());
    /** Rows deleted per statement when removing a tree level by level (InnoDB cascades stop at 15 levels). */
    private static final int DELETE_BATCH = 500;

    @PersistenceContext
    EntityManager em;

    @Inject
    DataDirectory data;

    @Inject
    ConfigService config;

    @Inject
    Passwords passwords;

    @Resource
    TransactionSynchronizationRegistry transaction;

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

    /** Deletes the user's rows now and the account directory after commit; records stay. */
    public void delete(User user) {
        @SuppressWarnings("unchecked")
        List<Object[]> tree = em.createNativeQuery("""
                WITH RECURSIVE subtree (id, depth) AS (
                    SELECT id, 0 FROM stobj WHERE parent_id IS NULL AND owner_id = ?1
                    UNION ALL
                    SELECT s.id, subtree.depth + 1 FROM stobj s JOIN subtree ON s.parent_id = subtree.id)
                SELECT id, depth FROM subtree ORDER BY depth DESC""").setParameter(1, user.getId()).getResultList();
        // one level per statement, deepest first: no statement cascades, however deep the tree
        List<Long> batch = new ArrayList<>();
        long batchDepth = -1;
        for (Object[] row : tree) {
            long depth = ((Number) row[1]).longValue();
            if (depth != batchDepth || batch.size() == DELETE_BATCH) {
                deleteRows(batch);
                batchDepth = depth;
            }
            batch.add(((Number) row[0]).longValue());
        }
        deleteRows(batch);
        // tokens and quota go with the user (ON DELETE CASCADE); records keep their text, user_id becomes NULL
        em.remove(user);
        em.flush();
        Path directory = data.account(user.getName());
        afterCommit(() -> {
            try {
                DataDirectory.deleteTree(directory);
            } catch (IOException e) {
                LOG.log(Level.WARNING, "Account {0} deleted, but its directory could not be removed: {1}",
                        new Object[] {user.getName(), e.toString()});
            }
        });
    }

    private void deleteRows(List<Long> ids) {
        if (!ids.isEmpty()) {
            em.createQuery("DELETE FROM StorageObject s WHERE s.id IN :ids").setParameter("ids", ids).executeUpdate();
            ids.clear();
        }
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
        onRollback(() -> {
            try {
                DataDirectory.deleteTree(directory);
            } catch (IOException e) {
                LOG.log(Level.WARNING, "Cannot remove {0} after a failed registration: {1}",
                        new Object[] {directory, e.toString()});
            }
        });
    }

    private void afterCommit(Runnable action) {
        whenDone(true, action);
    }

    private void onRollback(Runnable action) {
        whenDone(false, action);
    }

    private void whenDone(boolean onCommit, Runnable action) {
        transaction.registerInterposedSynchronization(new Synchronization() {
            @Override
            public void beforeCompletion() {
                // nothing to do before the outcome is known
            }

            @Override
            public void afterCompletion(int status) {
                if ((status == Status.STATUS_COMMITTED) == onCommit) {
                    action.run();
                }
            }
        });
    }
}
