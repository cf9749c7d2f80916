package org.cloudweb.ejb.search;

import jakarta.enterprise.context.Dependent;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.Query;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.cloudweb.persistence.common.EnumLabels;
import org.cloudweb.persistence.common.LikePatterns;
import org.cloudweb.persistence.common.State;
import org.cloudweb.persistence.storage.StorageObjectType;

/**
 * The queries of search, over {@code stobj.name_lc} (prefix, exact) and the trigram tables {@code stobj_gram}
 * and {@code stobj_gram_block} (substring), read as plain columns. All text is lower-cased by the database
 * ({@link #prepare}), never by Java, so a query and the names it is compared with are lower-cased by one and the
 * same function.
 */
@Dependent
public class SearchIndex {

    private static final String COLUMNS = "s.id, s.parent_id, s.name, s.name_lc, s.type, s.size, s.etag,"
            + " s.content_type, s.state, s.modified_at";

    @PersistenceContext
    EntityManager em;

    /**
     * The query lower-cased as names are, and the CRC32 of each of its distinct trigrams in order of position
     * (none if it is shorter than 3 characters).
     */
    public Prepared prepare(String query) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("""
                SELECT x.t, CRC32(SUBSTRING(x.t, p.n, 3)) FROM
                    (SELECT LOWER(CONVERT(?1 USING utf8mb4) COLLATE utf8mb4_bin) AS t) x
                    LEFT JOIN gram_pos p ON p.n <= CHAR_LENGTH(x.t) - 2
                ORDER BY p.n""").setParameter(1, query).getResultList();
        List<Long> grams = new ArrayList<>();
        for (Object[] row : rows) {
            if (row[1] != null && !grams.contains(((Number) row[1]).longValue())) {
                grams.add(((Number) row[1]).longValue());
            }
        }
        return new Prepared((String) rows.get(0)[0], List.copyOf(grams));
    }

    /**
     * Rows whose lower-case name starts with (or, {@code exact}, is) {@code lower}, after {@code after}, in
     * order of lower-case name and id.
     *
     * @param owner   only this user's rows, or null for all
     * @param parents only the children of these rows, or null for all
     */
    public List<Row> byName(Long owner, List<Long> parents, String lower, boolean exact, StorageObjectType type,
                            SearchCursor after, int limit) {
        Sql sql;
        if (parents != null) {
            sql = new Sql("SELECT " + COLUMNS + " FROM stobj s WHERE s.parent_id IN (" + list(parents) + ") AND ");
        } else {
            sql = new Sql("SELECT " + COLUMNS + " FROM stobj s FORCE INDEX ("
                    + (owner == null ? "ix_stobj_name_lc" : "ix_stobj_owner_name_lc") + ") WHERE ");
        }
        if (owner != null && parents == null) {
            sql.append("s.owner_id = ? AND ", owner);
        }
        if (exact) {
            sql.append("s.name_lc = ?", lower);
        } else {
            sql.append("s.name_lc LIKE ? ESCAPE '!'", LikePatterns.startingWith(lower));
        }
        if (after != null) {
            sql.append(" AND (s.name_lc > ? OR (s.name_lc = ? AND s.id > ?))", after.nameLc(), after.nameLc(),
                    after.id());
        }
        if (type != null) {
            sql.append(" AND s.type = ?", EnumLabels.label(type));
        }
        sql.append(" ORDER BY s.name_lc, s.id LIMIT ?", limit);
        return rows(sql);
    }

    /**
     * How many rows each source holds, each counted up to {@code bound}: the cost of driving a substring search
     * from it.
     */
    public List<Long> sizes(List<Source> sources, int bound) {
        Sql sql = new Sql("");
        for (int i = 0; i < sources.size(); i++) {
            sql.append(i == 0 ? "" : " UNION ALL ").append("SELECT " + i + ", ");
            sources.get(i).count(sql, bound);
        }
        @SuppressWarnings("unchecked")
        List<Object[]> rows = sql.query(em).getResultList();
        Long[] sizes = new Long[sources.size()];
        for (Object[] row : rows) {
            sizes[((Number) row[0]).intValue()] = ((Number) row[1]).longValue();
        }
        return List.of(sizes);
    }

    /**
     * The substring matches among one window of candidates: the first {@code window} ids of {@code source}
     * after {@code after}, kept if they hold every trigram of {@code grams} (looked up by primary key, rarest
     * first) and their real name contains {@code lower}. At most {@code limit}, in id order.
     */
    public List<Row> substring(Source source, List<Long> grams, Long owner, String lower, StorageObjectType type,
                               long after, int window, int limit) {
        Sql sql = new Sql("SELECT STRAIGHT_JOIN " + COLUMNS + " FROM (");
        source.window(sql, after, window);
        sql.append(") w");
        sql.append(" JOIN stobj s ON s.id = w.id WHERE");
        for (long gram : grams) {
            // a table that holds nothing of the trigram is never asked per candidate: the uncorrelated EXISTS is
            // evaluated once per statement
            sql.append(" ((EXISTS (SELECT 1 FROM stobj_gram WHERE gram = ?)"
                    + " AND EXISTS (SELECT 1 FROM stobj_gram g WHERE g.gram = ? AND g.stobj_id = w.id))"
                    + " OR (EXISTS (SELECT 1 FROM stobj_gram_block WHERE gram = ?)"
                    + " AND EXISTS (SELECT 1 FROM stobj_gram_block b WHERE b.gram = ? AND b.block = w.id >> 6"
                    + " AND b.bits & 1 << (w.id & 63) <> 0))) AND", gram, gram, gram, gram);
        }
        sql.append(" s.name_lc LIKE ? ESCAPE '!'", "%" + LikePatterns.literal(lower) + "%");
        if (owner != null) {
            sql.append(" AND s.owner_id = ?", owner);
        }
        if (type != null) {
            sql.append(" AND s.type = ?", EnumLabels.label(type));
        }
        sql.append(" ORDER BY s.id LIMIT ?", limit);
        return rows(sql);
    }

    /** The substring matches among the children of {@code parents}, after id {@code after}, in id order. */
    public List<Row> substringIn(List<Long> parents, String lower, StorageObjectType type, long after, int limit) {
        Sql sql = new Sql("SELECT " + COLUMNS + " FROM stobj s WHERE s.parent_id IN (" + list(parents) + ")");
        sql.append(" AND s.id > ? AND s.name_lc LIKE ? ESCAPE '!'", after, "%" + LikePatterns.literal(lower) + "%");
        if (type != null) {
            sql.append(" AND s.type = ?", EnumLabels.label(type));
        }
        return rows(sql.append(" ORDER BY s.id LIMIT ?", limit));
    }

    /**
     * The row {@code root} and the containers and directories below it, if the subtree holds at most
     * {@code bound} rows (else null): level by level, each level's rows counted (never more than
     * {@code bound + 1} in all) before the ids of its directories are read. Counting in the database keeps a
     * large subtree's files out of the answer: for 19,000 files, 5 ms against 11–16 ms to read them.
     */
    public List<Long> smallSubtree(long root, int bound) {
        List<Long> directories = new ArrayList<>(List.of(root));
        List<Long> level = List.of(root);
        long rows = 0;
        while (!level.isEmpty()) {
            rows += ((Number) em.createNativeQuery("SELECT COUNT(*) FROM (SELECT 1 FROM stobj WHERE parent_id IN ("
                    + list(level) + ") LIMIT " + (bound - rows + 1) + ") c").getSingleResult()).longValue();
            if (rows > bound) {
                return null;
            }
            @SuppressWarnings("unchecked")
            List<Object> children = em.createNativeQuery("SELECT id FROM stobj WHERE parent_id IN (" + list(level)
                    + ") AND type <> 'file'").getResultList();
            level = children.stream().map(id -> ((Number) id).longValue()).toList();
            directories.addAll(level);
        }
        return directories;
    }

    /** The last id of a window of {@code source} (null if it is empty), and how many ids it held. */
    public WindowEnd windowEnd(Source source, long after, int window) {
        Sql sql = new Sql("SELECT MAX(w.id), COUNT(*) FROM (");
        source.window(sql, after, window);
        Object[] row = (Object[]) sql.append(") w").query(em).getSingleResult();
        return new WindowEnd(row[0] == null ? null : ((Number) row[0]).longValue(), ((Number) row[1]).intValue());
    }

    /**
     * The given rows and all their ancestors up to the accounts, by id, with one recursive query: ancestors
     * that several rows share are read once.
     */
    public Map<Long, Node> ancestry(Collection<Long> ids) {
        if (ids.isEmpty()) {
            return Map.of();
        }
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("""
                WITH RECURSIVE up (id, parent_id, name) AS (
                    SELECT id, parent_id, name FROM stobj WHERE id IN (%s)
                    UNION
                    SELECT p.id, p.parent_id, p.name FROM up JOIN stobj p ON p.id = up.parent_id)
                SELECT id, parent_id, name FROM up""".formatted(list(ids))).getResultList();
        Map<Long, Node> nodes = new HashMap<>(rows.size() * 2);
        for (Object[] row : rows) {
            nodes.put(((Number) row[0]).longValue(),
                    new Node(row[1] == null ? null : ((Number) row[1]).longValue(), (String) row[2]));
        }
        return nodes;
    }

    private List<Row> rows(Sql sql) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = sql.query(em).getResultList();
        List<Row> found = new ArrayList<>(rows.size());
        for (Object[] row : rows) {
            Instant modified = row[9] instanceof LocalDateTime local ? local.toInstant(ZoneOffset.UTC)
                    : ((Timestamp) row[9]).toLocalDateTime().toInstant(ZoneOffset.UTC);
            found.add(new Row(((Number) row[0]).longValue(), row[1] == null ? null : ((Number) row[1]).longValue(),
                    (String) row[2], (String) row[3], EnumLabels.parse(StorageObjectType.class, (String) row[4]),
                    ((Number) row[5]).longValue(), (String) row[6], (String) row[7],
                    EnumLabels.parse(State.class, (String) row[8]), modified));
        }
        return found;
    }

    /** Ids for an IN list: numbers read from the database, safe to write into a statement. */
    private static String list(Collection<Long> ids) {
        return ids.stream().map(String::valueOf).collect(Collectors.joining(","));
    }

    /** A query as the database lower-cases it, and its trigrams. */
    public record Prepared(String lower, List<Long> grams) {
    }

    /** A candidate row. */
    public record Row(long id, Long parentId, String name, String nameLc, StorageObjectType type, long size,
                      String etag, String contentType, State state, Instant modifiedAt) {
    }

    /** A node on the way up to an account. */
    public record Node(Long parentId, String name) {
    }

    /** The end of a window of candidates. */
    public record WindowEnd(Long lastId, int size) {
    }

    /**
     * Where substring candidates come from, in id order: the rows of one trigram, the rows of one owner, or
     * every row.
     */
    public sealed interface Source {

        /** Appends a query of the column {@code id}: the first {@code size} ids after {@code after}. */
        void window(Sql sql, long after, int size);

        /** Appends an expression: how many ids there are, counted up to {@code bound}. */
        default void count(Sql sql, int bound) {
            sql.append("COUNT(*) FROM (");
            window(sql, -1, bound);
            sql.append(") w");
        }
    }

    /**
     * The rows holding a trigram, from both trigram tables: the rows of {@code stobj_gram} and the bits of the
     * posting blocks (V15), each block's ids being {@code block * 64 + bit}.
     */
    public record GramSource(long gram) implements Source {
        @Override
        public void window(Sql sql, long after, int size) {
            // the first size + 1 blocks holding an id after 'after' hold at least the first size such ids: only
            // the first of them can hold ids up to 'after' (64 at most), and every block holds one id at least;
            // of these, only blocks with fewer than size + 64 ids before them are cut into ids
            sql.append("(SELECT stobj_id AS id FROM stobj_gram WHERE gram = ? AND stobj_id > ? ORDER BY stobj_id"
                    + " LIMIT ?) UNION (SELECT b.block * 64 + p.n - 1 FROM (SELECT block, bits FROM"
                    + " (SELECT block, bits, SUM(BIT_COUNT(bits)) OVER (ORDER BY block) - BIT_COUNT(bits) AS earlier"
                    + " FROM (SELECT block, bits FROM stobj_gram_block WHERE gram = ? AND block >= ? ORDER BY block"
                    + " LIMIT ?) f) r WHERE earlier < ?) b STRAIGHT_JOIN gram_pos p"
                    + " ON p.n <= 64 AND b.bits & 1 << (p.n - 1) <> 0 WHERE b.block * 64 + p.n - 1 > ?)"
                    + " ORDER BY id LIMIT ?", gram, after, size, gram, Math.max(after, 0) >> 6, size + 1, size + 64,
                    after, size);
        }

        /** The rows of {@code stobj_gram} up to {@code bound}, and the bits of as many blocks. */
        @Override
        public void count(Sql sql, int bound) {
            sql.append("LEAST(?, (SELECT COUNT(*) FROM (SELECT 1 FROM stobj_gram WHERE gram = ? LIMIT ?) r)"
                    + " + (SELECT COALESCE(SUM(BIT_COUNT(bits)), 0) FROM (SELECT bits FROM stobj_gram_block"
                    + " WHERE gram = ? LIMIT ?) b))", bound, gram, bound, gram, bound);
        }
    }

    /** The rows of one owner, from the owner index (which holds ids in order). */
    public record OwnerSource(long owner) implements Source {
        @Override
        public void window(Sql sql, long after, int size) {
            sql.append("SELECT id FROM stobj FORCE INDEX (ix_stobj_owner) WHERE owner_id = ? AND id > ?"
                    + " ORDER BY id LIMIT ?", owner, after, size);
        }
    }

    /** Every row, by primary key. */
    public record AllSource() implements Source {
        @Override
        public void window(Sql sql, long after, int size) {
            sql.append("SELECT id FROM stobj WHERE id > ? ORDER BY id LIMIT ?", after, size);
        }
    }

    /** A native statement built from pieces, each {@code ?} numbered as it is appended. */
    public static final class Sql {

        private final StringBuilder text;
        private final List<Object> parameters = new ArrayList<>();

        Sql(String start) {
            text = new StringBuilder(start);
        }

        Sql append(String piece, Object... values) {
            int value = 0;
            for (int i = 0; i < piece.length(); i++) {
                char c = piece.charAt(i);
                if (c == '?') {
                    parameters.add(values[value++]);
                    text.append('?').append(parameters.size());
                } else {
                    text.append(c);
                }
            }
            return this;
        }

        Query query(EntityManager em) {
            Query query = em.createNativeQuery(text.toString());
            for (int i = 0; i < parameters.size(); i++) {
                query.setParameter(i + 1, parameters.get(i));
            }
            return query;
        }
    }
}
