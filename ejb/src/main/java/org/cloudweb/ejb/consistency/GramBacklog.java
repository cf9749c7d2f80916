package org.cloudweb.ejb.consistency;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executor;

/**
 * The search trigrams of rows that a check's unit committed without them (V13), added in transactions of their
 * own while the walk goes on: the database cuts the names of one unit while the next unit's files are read.
 * Each unit notes its range of new row ids in {@code stobj_gram_backlog}, in its own transaction, so a range
 * never goes missing: one a crash left behind is worked off by the next check that writes.
 *
 * <p>At most one range is in the works at a time, so the walk never runs far ahead of its trigrams.
 */
final class GramBacklog {

    private final Transactions db;
    private final Executor executor;
    private CompletableFuture<Void> running = CompletableFuture.completedFuture(null);

    /**
     * @param db       runs each range in a transaction of its own
     * @param executor where ranges are worked off; {@code Runnable::run} works them off in the caller's thread
     */
    GramBacklog(Transactions db, Executor executor) {
        this.db = db;
        this.executor = executor;
    }

    /** Rows with ids in ({@code after}, {@code upTo}] that need trigrams, noted as {@code note}. */
    record Range(long note, long after, long upTo) {
    }

    /** Notes, in the caller's transaction, that the rows with ids in ({@code after}, {@code upTo}] need trigrams. */
    static Range note(Connection c, long after, long upTo) throws SQLException {
        try (PreparedStatement insert = c.prepareStatement(
                "INSERT INTO stobj_gram_backlog (after_id, up_to_id) VALUES (?, ?)", Statement.RETURN_GENERATED_KEYS)) {
            insert.setLong(1, after);
            insert.setLong(2, upTo);
            insert.executeUpdate();
            try (ResultSet key = insert.getGeneratedKeys()) {
                key.next();
                return new Range(key.getLong(1), after, upTo);
            }
        }
    }

    /**
     * Adds the trigrams of a range noted by a committed transaction, once the range before it is done; a
     * failure of that one is thrown here.
     */
    void submit(Range range) throws SQLException, IOException {
        await();
        running = CompletableFuture.runAsync(() -> {
            try {
                db.run(c -> work(c, range));
            } catch (SQLException e) {
                throw new CompletionException(e);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }, executor);
    }

    /** Waits until every range submitted is done; throws the failure of the last one. */
    void await() throws SQLException, IOException {
        try {
            running.join();
        } catch (CompletionException e) {
            running = CompletableFuture.completedFuture(null);
            if (e.getCause() instanceof SQLException failure) {
                throw failure;
            }
            if (e.getCause() instanceof UncheckedIOException failure) {
                throw failure.getCause();
            }
            throw e;
        }
    }

    /** Waits for the range in the works after the walk failed: its failure, if any, goes with the walk's. */
    void awaitAfter(Exception walkFailure) {
        try {
            await();
        } catch (SQLException | IOException | RuntimeException e) {
            walkFailure.addSuppressed(e);
        }
    }

    /** Works off, in the caller's thread, every range left by checks that stopped before they were done. */
    void catchUp() throws SQLException, IOException {
        await();
        for (Range range : db.run(GramBacklog::ranges)) {
            db.run(c -> work(c, range));
        }
    }

    private static Void work(Connection c, Range range) throws SQLException {
        IndexRows.addGrams(c, range.after(), range.upTo());
        try (PreparedStatement delete = c.prepareStatement("DELETE FROM stobj_gram_backlog WHERE id = ?")) {
            delete.setLong(1, range.note());
            delete.executeUpdate();
        }
        return null;
    }

    /** The rows in the noted ranges: rows whose trigrams are still to be added. */
    static long pendingRows(Connection c) throws SQLException {
        try (PreparedStatement select = c.prepareStatement("SELECT COUNT(*) FROM stobj_gram_backlog b"
                + " JOIN stobj s ON s.id > b.after_id AND s.id <= b.up_to_id");
             ResultSet row = select.executeQuery()) {
            row.next();
            return row.getLong(1);
        }
    }

    private static List<Range> ranges(Connection c) throws SQLException {
        List<Range> ranges = new ArrayList<>();
        try (PreparedStatement select = c.prepareStatement(
                "SELECT id, after_id, up_to_id FROM stobj_gram_backlog ORDER BY id");
             ResultSet row = select.executeQuery()) {
            while (row.next()) {
                ranges.add(new Range(row.getLong(1), row.getLong(2), row.getLong(3)));
            }
        }
        return ranges;
    }
}
