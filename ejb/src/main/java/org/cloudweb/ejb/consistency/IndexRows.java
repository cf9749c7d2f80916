package org.cloudweb.ejb.consistency;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The statements of a check on {@code stobj}, {@code user} and {@code quota}, in plain JDBC. Times are UTC
 * {@code LocalDateTime}s, as the entities store them.
 */
final class IndexRows {

    /** Ids per {@code IN (...)} of a delete. */
    private static final int DELETE_BATCH = 500;

    private IndexRows() {
    }

    /** One row below a directory. */
    record Row(long id, String name, String type, long size, LocalDateTime modified) {

        boolean isFile() {
            return "file".equals(type);
        }
    }

    /** A row that a directory listing found no file for, or that is to be written. */
    record NewRow(String name, String type, long size, String etag, LocalDateTime modified) {

        boolean isFile() {
            return "file".equals(type);
        }
    }

    /** A new row and the directory it goes in. */
    record ChildRow(long parent, NewRow row) {
    }

    /** The user of an account name: its id and its name as stored (which may differ in case). */
    record User(long id, String name) {
    }

    static User user(Connection c, String name) throws SQLException {
        try (PreparedStatement select = c.prepareStatement("SELECT id, name FROM user WHERE name = ?")) {
            select.setString(1, name);
            try (ResultSet row = select.executeQuery()) {
                return row.next() ? new User(row.getLong(1), row.getString(2)) : null;
            }
        }
    }

    /** The account row's id, or null. */
    static Long account(Connection c, String name) throws SQLException {
        return single(c, "SELECT id FROM stobj WHERE parent_id IS NULL AND name = ?", name);
    }

    /**
     * Locks an account row until the transaction ends, as every change of the account's tree does (uploads
     * share the lock, moves and deletes take it): the rows read and the files looked at meanwhile agree.
     */
    static Long lockAccount(Connection c, String name) throws SQLException {
        return single(c, "SELECT id FROM stobj WHERE parent_id IS NULL AND name = ? FOR UPDATE", name);
    }

    static List<String> accountNames(Connection c) throws SQLException {
        List<String> names = new ArrayList<>();
        try (PreparedStatement select = c.prepareStatement("SELECT name FROM stobj WHERE parent_id IS NULL");
             ResultSet rows = select.executeQuery()) {
            while (rows.next()) {
                names.add(rows.getString(1));
            }
        }
        return names;
    }

    static long insertAccount(Connection c, String name, long owner, LocalDateTime modified) throws SQLException {
        try (PreparedStatement insert = c.prepareStatement("INSERT INTO stobj (parent_id, owner_id, name, type, "
                + "created_at, modified_at) VALUES (NULL, ?, ?, 'account', ?, ?)", Statement.RETURN_GENERATED_KEYS)) {
            insert.setLong(1, owner);
            insert.setString(2, name);
            insert.setObject(3, modified);
            insert.setObject(4, modified);
            insert.executeUpdate();
            try (ResultSet key = insert.getGeneratedKeys()) {
                key.next();
                return key.getLong(1);
            }
        }
    }

    /**
     * The rows below a directory whose names lie after {@code after} and up to {@code upTo} (null: no bound) in
     * byte order. The binary comparison is exact; the collation's, which ignores trailing spaces, lets the
     * index narrow the range.
     */
    static List<Row> children(Connection c, long parent, String after, String upTo) throws SQLException {
        StringBuilder sql = new StringBuilder("SELECT id, name, type, size, modified_at FROM stobj WHERE parent_id = ?");
        if (after != null) {
            sql.append(" AND name >= ? AND CAST(name AS BINARY) > CAST(? AS BINARY)");
        }
        if (upTo != null) {
            sql.append(" AND name <= ? AND CAST(name AS BINARY) <= CAST(? AS BINARY)");
        }
        try (PreparedStatement select = c.prepareStatement(sql.toString())) {
            int p = 1;
            select.setLong(p++, parent);
            if (after != null) {
                select.setString(p++, after);
                select.setString(p++, after);
            }
            if (upTo != null) {
                select.setString(p++, upTo);
                select.setString(p, upTo);
            }
            List<Row> rows = new ArrayList<>();
            try (ResultSet row = select.executeQuery()) {
                while (row.next()) {
                    rows.add(new Row(row.getLong(1), row.getString(2), row.getString(3), row.getLong(4),
                            row.getObject(5, LocalDateTime.class)));
                }
            }
            rows.sort((a, b) -> DiskNames.compare(a.name(), b.name()));
            return rows;
        }
    }

    /** The names from the account down to a row, or an empty list if the row is gone. */
    static List<String> namesTo(Connection c, long id) throws SQLException {
        try (PreparedStatement select = c.prepareStatement("""
                WITH RECURSIVE up (id, parent_id, name, depth) AS (
                    SELECT id, parent_id, name, 0 FROM stobj WHERE id = ?
                    UNION ALL
                    SELECT s.id, s.parent_id, s.name, up.depth + 1 FROM stobj s JOIN up ON s.id = up.parent_id)
                SELECT name FROM up ORDER BY depth DESC""")) {
            select.setLong(1, id);
            List<String> names = new ArrayList<>();
            try (ResultSet row = select.executeQuery()) {
                while (row.next()) {
                    names.add(row.getString(1));
                }
            }
            return names;
        }
    }

    /**
     * Inserts directory rows below a parent and answers their ids by name; the rows' names lie in the range given
     * as for {@link #children}.
     */
    static Map<String, Long> insertDirectories(Connection c, long parent, long owner, List<NewRow> rows, String after,
                                               String upTo) throws SQLException {
        if (rows.isEmpty()) {
            return Map.of();
        }
        insert(c, owner, rows.stream().map(row -> new ChildRow(parent, row)).toList());
        Map<String, Long> ids = new HashMap<>();
        for (Row row : children(c, parent, after, upTo)) {
            if (!row.isFile()) {
                ids.put(row.name(), row.id());
            }
        }
        return ids;
    }

    /** Inserts file rows, wherever they go, with one batch. */
    static void insertFiles(Connection c, long owner, List<ChildRow> rows) throws SQLException {
        if (!rows.isEmpty()) {
            insert(c, owner, rows);
        }
    }

    /** One batch: multi-row statements, with Connector/J's {@code rewriteBatchedStatements}. */
    private static void insert(Connection c, long owner, List<ChildRow> rows) throws SQLException {
        try (PreparedStatement insert = c.prepareStatement("INSERT INTO stobj (parent_id, owner_id, name, type, size, "
                + "etag, created_at, modified_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)")) {
            for (ChildRow child : rows) {
                NewRow row = child.row();
                insert.setLong(1, child.parent());
                insert.setLong(2, owner);
                insert.setString(3, row.name());
                insert.setString(4, row.type());
                insert.setLong(5, row.size());
                insert.setString(6, row.etag());
                insert.setObject(7, row.modified());
                insert.setObject(8, row.modified());
                insert.addBatch();
            }
            insert.executeBatch();
        }
    }

    static void updateFiles(Connection c, Map<Long, NewRow> files) throws SQLException {
        if (files.isEmpty()) {
            return;
        }
        try (PreparedStatement update = c.prepareStatement(
                "UPDATE stobj SET size = ?, etag = ?, modified_at = ? WHERE id = ?")) {
            for (Map.Entry<Long, NewRow> file : files.entrySet()) {
                update.setLong(1, file.getValue().size());
                update.setString(2, file.getValue().etag());
                update.setObject(3, file.getValue().modified());
                update.setLong(4, file.getKey());
                update.addBatch();
            }
            update.executeBatch();
        }
    }

    /** The ids of a subtree, its root included, level by level, deepest level first. */
    static List<List<Long>> subtree(Connection c, long root) throws SQLException {
        try (PreparedStatement select = c.prepareStatement("""
                WITH RECURSIVE subtree (id, depth) AS (
                    SELECT id, 0 FROM stobj WHERE id = ?
                    UNION ALL
                    SELECT s.id, subtree.depth + 1 FROM stobj s JOIN subtree ON s.parent_id = subtree.id)
                SELECT id, depth FROM subtree ORDER BY depth DESC""")) {
            select.setLong(1, root);
            List<List<Long>> levels = new ArrayList<>();
            long depth = -1;
            try (ResultSet row = select.executeQuery()) {
                while (row.next()) {
                    if (row.getLong(2) != depth) {
                        depth = row.getLong(2);
                        levels.add(new ArrayList<>());
                    }
                    levels.get(levels.size() - 1).add(row.getLong(1));
                }
            }
            return levels;
        }
    }

    /**
     * Deletes a subtree's rows level by level, deepest first: never by a foreign-key cascade, which InnoDB
     * stops at 15 levels and which would leave the rows' trigrams behind (a cascade fires no trigger).
     */
    static void delete(Connection c, List<List<Long>> levels) throws SQLException {
        for (List<Long> level : levels) {
            for (int from = 0; from < level.size(); from += DELETE_BATCH) {
                List<Long> batch = level.subList(from, Math.min(level.size(), from + DELETE_BATCH));
                String marks = String.join(",", Collections.nCopies(batch.size(), "?"));
                try (PreparedStatement delete = c.prepareStatement("DELETE FROM stobj WHERE id IN (" + marks + ")")) {
                    for (int i = 0; i < batch.size(); i++) {
                        delete.setLong(i + 1, batch.get(i));
                    }
                    delete.executeUpdate();
                }
            }
        }
    }

    /** The highest row id so far: rows inserted after this call get higher ones (ids only grow). */
    static long maxId(Connection c) throws SQLException {
        try (PreparedStatement select = c.prepareStatement("SELECT COALESCE(MAX(id), 0) FROM stobj");
             ResultSet row = select.executeQuery()) {
            row.next();
            return row.getLong(1);
        }
    }

    /**
     * Tells the insert trigger (V12) to leave the trigrams of this connection's new rows to
     * {@link #addGrams}, or (false) to make them again. Whoever defers must reset it before the connection
     * is given back, whatever happens: a pooled connection left deferring would insert names unsearchable.
     */
    static void deferGrams(Connection c, boolean defer) throws SQLException {
        try (Statement set = c.createStatement()) {
            set.execute(defer ? "SET @cloudweb_defer_grams = 1" : "SET @cloudweb_defer_grams = NULL");
        }
    }

    /**
     * Adds the trigrams of the rows with ids in ({@code after}, {@code upTo}] to the posting blocks (V15),
     * set-based: the same trigrams the insert trigger makes (CRC32 of each three characters of the lower-case
     * name), one row per trigram and block of 64 ids, OR-ed into the bits of a block an earlier range began.
     * Rows other writers inserted meanwhile have their trigrams in {@code stobj_gram} already, and now in a
     * block too, which a search reads as one. In key order, as the clustered key takes them fastest. Each name
     * reads only its own positions of {@code gram_pos}, by key: left to the optimizer, the join compared every
     * name with all 255 positions.
     */
    static void addGrams(Connection c, long after, long upTo) throws SQLException {
        try (PreparedStatement insert = c.prepareStatement("INSERT INTO stobj_gram_block (gram, block, bits)"
                + " SELECT CRC32(SUBSTRING(s.name_lc, p.n, 3)) AS gram, s.id >> 6 AS block,"
                + " BIT_OR(1 << (s.id & 63)) FROM stobj s"
                + " STRAIGHT_JOIN gram_pos p FORCE INDEX (PRIMARY) ON p.n <= CHAR_LENGTH(s.name_lc) - 2"
                + " WHERE s.id > ? AND s.id <= ? GROUP BY gram, block ORDER BY gram, block"
                + " ON DUPLICATE KEY UPDATE bits = bits | VALUES(bits)")) {
            insert.setLong(1, after);
            insert.setLong(2, upTo);
            insert.executeUpdate();
        }
    }

    /** Objects (rows below the account) and bytes a user's rows add up to. */
    static long[] usage(Connection c, long owner) throws SQLException {
        try (PreparedStatement select = c.prepareStatement("SELECT COUNT(*), COALESCE(SUM(size), 0) FROM stobj"
                + " WHERE owner_id = ? AND parent_id IS NOT NULL")) {
            select.setLong(1, owner);
            try (ResultSet row = select.executeQuery()) {
                row.next();
                return new long[] {row.getLong(1), row.getLong(2)};
            }
        }
    }

    /** Objects and bytes a quota says are used, or null without a quota row. */
    static long[] quota(Connection c, long owner) throws SQLException {
        try (PreparedStatement select = c.prepareStatement(
                "SELECT used_objects, used_bytes FROM quota WHERE user_id = ? FOR UPDATE")) {
            select.setLong(1, owner);
            try (ResultSet row = select.executeQuery()) {
                return row.next() ? new long[] {row.getLong(1), row.getLong(2)} : null;
            }
        }
    }

    /** Sets a quota's usage, making the row (without limits) if there is none. */
    static void setQuota(Connection c, long owner, long[] usage) throws SQLException {
        try (PreparedStatement upsert = c.prepareStatement("INSERT INTO quota (user_id, used_objects, used_bytes)"
                + " VALUES (?, ?, ?) ON DUPLICATE KEY UPDATE used_objects = VALUES(used_objects),"
                + " used_bytes = VALUES(used_bytes)")) {
            upsert.setLong(1, owner);
            upsert.setLong(2, usage[0]);
            upsert.setLong(3, usage[1]);
            upsert.executeUpdate();
        }
    }

    /**
     * Up to {@code limit} trigram rows after the key ({@code gram}, {@code stobjId}) whose row is gone, in key
     * order: one range scan of the clustered key from where the previous page stopped.
     */
    static List<long[]> orphanGrams(Connection c, long gram, long stobjId, int limit) throws SQLException {
        try (PreparedStatement select = c.prepareStatement("SELECT g.gram, g.stobj_id FROM stobj_gram g"
                + " LEFT JOIN stobj s ON s.id = g.stobj_id WHERE (g.gram > ? OR (g.gram = ? AND g.stobj_id > ?))"
                + " AND s.id IS NULL ORDER BY g.gram, g.stobj_id LIMIT ?")) {
            select.setLong(1, gram);
            select.setLong(2, gram);
            select.setLong(3, stobjId);
            select.setInt(4, limit);
            List<long[]> keys = new ArrayList<>();
            try (ResultSet row = select.executeQuery()) {
                while (row.next()) {
                    keys.add(new long[] {row.getLong(1), row.getLong(2)});
                }
            }
            return keys;
        }
    }

    static void deleteGrams(Connection c, List<long[]> keys) throws SQLException {
        try (PreparedStatement delete = c.prepareStatement("DELETE FROM stobj_gram WHERE gram = ? AND stobj_id = ?")) {
            for (long[] key : keys) {
                delete.setLong(1, key[0]);
                delete.setLong(2, key[1]);
                delete.addBatch();
            }
            delete.executeBatch();
        }
    }

    private static Long single(Connection c, String sql, String parameter) throws SQLException {
        try (PreparedStatement select = c.prepareStatement(sql)) {
            select.setString(1, parameter);
            try (ResultSet row = select.executeQuery()) {
                return row.next() ? row.getLong(1) : null;
            }
        }
    }
}
