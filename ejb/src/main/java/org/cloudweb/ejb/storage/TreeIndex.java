package org.cloudweb.ejb.storage;

import jakarta.enterprise.context.Dependent;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.cloudweb.ejb.error.NotFoundException;
import org.cloudweb.persistence.common.EnumLabels;
import org.cloudweb.persistence.common.LikePatterns;
import org.cloudweb.persistence.common.State;
import org.cloudweb.persistence.storage.StorageObject;
import org.cloudweb.persistence.storage.StorageObjectType;
import org.cloudweb.persistence.user.User;

/**
 * Queries and bulk changes of the {@code stobj} index, inside the caller's transaction. Whole subtrees are
 * read with recursive queries and deleted level by level, deepest first: InnoDB stops cascades at 15 levels,
 * and a tree may be deeper.
 */
@Dependent
public class TreeIndex {

    /** Rows changed per statement (in deletes, all of one depth). */
    private static final int DELETE_BATCH = 500;

    @PersistenceContext
    EntityManager em;

    /**
     * The rows along a path, as far as they exist: element 0 is the account, element i the i-th name. One
     * query whatever the depth.
     */
    public List<StorageObject> walk(StoragePath path) {
        // the rows come whole with the walk: one round trip, not one more per level
        @SuppressWarnings("unchecked")
        List<StorageObject> rows = em.createNativeQuery("""
                WITH RECURSIVE walk (id, depth) AS (
                    SELECT id, 0 FROM stobj WHERE parent_id IS NULL AND name = ?1
                    UNION ALL
                    SELECT s.id, walk.depth + 1 FROM walk JOIN stobj s ON s.parent_id = walk.id
                        AND s.name = JSON_VALUE(?2, CONCAT('$[', walk.depth, ']')) COLLATE utf8mb4_bin
                    WHERE walk.depth < ?3)
                SELECT s.* FROM walk JOIN stobj s ON s.id = walk.id ORDER BY walk.depth""", StorageObject.class)
                .setParameter(1, path.account()).setParameter(2, jsonArray(path.names()))
                .setParameter(3, path.names().size()).getResultList();
        return rows;
    }

    /** The id of the user who owns an account. */
    public long ownerOf(String account) {
        List<?> owner = em.createNativeQuery("SELECT owner_id FROM stobj WHERE parent_id IS NULL AND name = ?1")
                .setParameter(1, account).getResultList();
        if (owner.isEmpty()) {
            throw new NotFoundException("No account " + account);
        }
        return ((Number) owner.get(0)).longValue();
    }

    /** The row of a path, or null. */
    public StorageObject find(StoragePath path) {
        List<StorageObject> found = walk(path);
        return found.size() == path.names().size() + 1 ? found.get(found.size() - 1) : null;
    }

    /** The row of a path, or 404. */
    public StorageObject get(StoragePath path) {
        StorageObject found = find(path);
        if (found == null) {
            throw new NotFoundException("Nothing at " + path);
        }
        return found;
    }

    /**
     * Locks an account row for a change of its tree's shape (a move, a delete, a copy, new directories) until
     * the transaction ends: such changes of one account take turns, briefly (bytes never stream meanwhile).
     */
    public void lockAccount(String account) {
        lock(account, "FOR UPDATE");
    }

    /**
     * Locks an account row shared, for storing a file: uploads run side by side, but not while the shape of
     * the tree changes. Two uploads of one path are ordered by the row (or unique key) they both write.
     */
    public void lockAccountShared(String account) {
        lock(account, "LOCK IN SHARE MODE");
    }

    private void lock(String account, String mode) {
        List<?> locked = em.createNativeQuery("SELECT id FROM stobj WHERE parent_id IS NULL AND name = ?1 " + mode)
                .setParameter(1, account).getResultList();
        if (locked.isEmpty()) {
            throw new NotFoundException("No account " + account);
        }
    }

    public List<StorageObject> children(StorageObject parent, String prefix, String marker, int limit) {
        return em.createNamedQuery(StorageObject.CHILDREN, StorageObject.class).setParameter("parent", parent)
                .setParameter("marker", marker == null ? "" : marker)
                .setParameter("prefix", LikePatterns.startingWith(prefix == null ? "" : prefix))
                .setMaxResults(limit).getResultList();
    }

    /**
     * A page of a directory's children as listing entries, read as plain columns: a listing of thousands
     * of entries needs no entity for each.
     */
    public List<Entry> listing(long parentId, StoragePath path, String prefix, String marker, int limit) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("""
                SELECT name, type, size, etag, content_type, state, modified_at, id FROM stobj
                WHERE parent_id = ?1 AND name > ?2 AND name LIKE ?3 ESCAPE '!'
                ORDER BY name LIMIT ?4""").setParameter(1, parentId).setParameter(2, marker == null ? "" : marker)
                .setParameter(3, LikePatterns.startingWith(prefix == null ? "" : prefix)).setParameter(4, limit)
                .getResultList();
        String parent = path.toString();
        List<Entry> entries = new ArrayList<>(rows.size());
        for (Object[] row : rows) {
            String name = (String) row[0];
            Instant modified = row[6] instanceof LocalDateTime local ? local.toInstant(ZoneOffset.UTC)
                    : ((Timestamp) row[6]).toLocalDateTime().toInstant(ZoneOffset.UTC);
            entries.add(new Entry(((Number) row[7]).longValue(), parent + "/" + name, name,
                    EnumLabels.parse(StorageObjectType.class, (String) row[1]), ((Number) row[2]).longValue(),
                    (String) row[3], (String) row[4],
                    EnumLabels.parse(State.class, (String) row[5]), modified, Map.of(), null));
        }
        return entries;
    }

    public StorageObject child(StorageObject parent, String name) {
        return em.createNamedQuery(StorageObject.CHILD, StorageObject.class).setParameter("parent", parent)
                .setParameter("name", name).getResultStream().findFirst().orElse(null);
    }

    public boolean hasChildren(StorageObject parent) {
        return em.createNamedQuery(StorageObject.COUNT_CHILDREN, Long.class).setParameter("parent", parent)
                .getSingleResult() > 0;
    }

    /** Rows and bytes of a subtree, its root included. */
    public Usage usage(StorageObject root) {
        Object[] row = (Object[]) em.createNativeQuery("""
                WITH RECURSIVE subtree (id, size) AS (
                    SELECT id, size FROM stobj WHERE id = ?1
                    UNION ALL
                    SELECT s.id, s.size FROM stobj s JOIN subtree ON s.parent_id = subtree.id)
                SELECT COUNT(*), COALESCE(SUM(size), 0) FROM subtree""").setParameter(1, root.getId())
                .getSingleResult();
        return new Usage(((Number) row[0]).longValue(), ((Number) row[1]).longValue());
    }

    /** Deletes a subtree, its root included, one depth level per statement, deepest first. */
    public void deleteSubtree(long rootId) {
        @SuppressWarnings("unchecked")
        List<Object[]> tree = em.createNativeQuery("""
                WITH RECURSIVE subtree (id, depth) AS (
                    SELECT id, 0 FROM stobj WHERE id = ?1
                    UNION ALL
                    SELECT s.id, subtree.depth + 1 FROM stobj s JOIN subtree ON s.parent_id = subtree.id)
                SELECT id, depth FROM subtree ORDER BY depth DESC""").setParameter(1, rootId).getResultList();
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
    }

    /** Gives a subtree, its root included, to another owner (a move across accounts). */
    public void changeOwner(StorageObject root, User owner) {
        @SuppressWarnings("unchecked")
        List<Long> ids = ((List<Object>) em.createNativeQuery("""
                WITH RECURSIVE subtree (id) AS (
                    SELECT id FROM stobj WHERE id = ?1
                    UNION ALL
                    SELECT s.id FROM stobj s JOIN subtree ON s.parent_id = subtree.id)
                SELECT id FROM subtree""").setParameter(1, root.getId()).getResultList())
                .stream().map(id -> ((Number) id).longValue()).toList();
        for (int from = 0; from < ids.size(); from += DELETE_BATCH) {
            em.createQuery("UPDATE StorageObject s SET s.owner = :owner WHERE s.id IN :ids")
                    .setParameter("owner", owner)
                    .setParameter("ids", ids.subList(from, Math.min(ids.size(), from + DELETE_BATCH)))
                    .executeUpdate();
        }
        em.refresh(root);
    }

    private void deleteRows(List<Long> ids) {
        if (!ids.isEmpty()) {
            em.createQuery("DELETE FROM StorageObject s WHERE s.id IN :ids").setParameter("ids", ids).executeUpdate();
            ids.clear();
        }
    }

    /** A JSON array of strings, written by hand: looking up a JSON provider on every call costs more than the query. */
    static String jsonArray(List<String> values) {
        StringBuilder json = new StringBuilder("[");
        for (String value : values) {
            json.append(json.length() > 1 ? ",\"" : "\"");
            for (int i = 0; i < value.length(); i++) {
                char c = value.charAt(i);
                if (c == '"' || c == '\\') {
                    json.append('\\').append(c);
                } else if (c < 0x20) {
                    json.append(String.format("\\u%04x", (int) c));
                } else {
                    json.append(c);
                }
            }
            json.append('"');
        }
        return json.append(']').toString();
    }

    /** How many rows and bytes a subtree holds. */
    public record Usage(long objects, long bytes) {
    }
}
