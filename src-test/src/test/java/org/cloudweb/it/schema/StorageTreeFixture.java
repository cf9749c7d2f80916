package org.cloudweb.it.schema;

import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.ArrayList;
import java.util.List;
import org.cloudweb.persistence.storage.StorageObject;
import org.cloudweb.persistence.storage.StorageObjectType;
import org.cloudweb.persistence.user.User;

/** Test-only bean that writes storage trees straight through JPA, each call in its own transaction. */
@Stateless
public class StorageTreeFixture {

    @PersistenceContext
    private EntityManager em;

    public long createUser(String name) {
        User user = new User(name, name + "@example.org", "not-a-real-hash");
        em.persist(user);
        em.flush();
        return user.getId();
    }

    /**
     * An account with a container and a chain of {@code depth} nested directories, a file with metadata in the
     * deepest one. Answers the ids from the account down to the file.
     */
    public List<Long> createChain(long userId, int depth) {
        User owner = em.find(User.class, userId);
        List<StorageObject> chain = new ArrayList<>();
        StorageObject account = new StorageObject(null, owner, owner.getName(), StorageObjectType.ACCOUNT);
        chain.add(account);
        chain.add(new StorageObject(account, owner, "photos", StorageObjectType.CONTAINER));
        for (int level = 1; level <= depth; level++) {
            chain.add(new StorageObject(chain.get(chain.size() - 1), owner, "dir " + level, StorageObjectType.DIR));
        }
        StorageObject file = new StorageObject(chain.get(chain.size() - 1), owner, "ünïcödé 😀.txt", StorageObjectType.FILE);
        file.setSize(11);
        file.setEtag("5eb63bbbe01eeed093cb22bb8f5acdc3");
        file.getMetadata().put("color", "blue");
        chain.add(file);
        chain.forEach(em::persist);
        em.flush();
        return chain.stream().map(StorageObject::getId).toList();
    }

    /** Adds one child under an existing node. */
    public long createChild(long parentId, String name, StorageObjectType type) {
        StorageObject parent = em.find(StorageObject.class, parentId);
        StorageObject child = new StorageObject(parent, parent.getOwner(), name, type);
        em.persist(child);
        em.flush();
        return child.getId();
    }

    /** Removes one node by JPA; the database's foreign keys take care of what lies below it. */
    public void delete(long id) {
        em.remove(em.find(StorageObject.class, id));
        em.flush();
        em.getEntityManagerFactory().getCache().evictAll();
    }

    public void deleteUser(long userId) {
        em.createNativeQuery("DELETE FROM stobj WHERE owner_id = ? AND parent_id IS NULL").setParameter(1, userId).executeUpdate();
        em.createNativeQuery("DELETE FROM user WHERE id = ?").setParameter(1, userId).executeUpdate();
    }

    public long countRows(String table, String idColumn, List<Long> ids) {
        String in = String.join(",", ids.stream().map(String::valueOf).toList());
        return ((Number) em.createNativeQuery("SELECT COUNT(*) FROM " + table + " WHERE " + idColumn + " IN (" + in + ")")
                .getSingleResult()).longValue();
    }

    public String storedName(long id) {
        return em.find(StorageObject.class, id).getName();
    }
}
