package org.cloudweb.ejb.consistency;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The statements of a check on the trigram posting blocks (V15): bits of rows that are gone. The delete and
 * rename triggers take a row's bits out, so only a row removed without them (a foreign-key cascade) leaves any.
 * Bits are read and written as Java's signed {@code long}: the same 64 bits ({@code CAST … AS SIGNED} wraps,
 * and MariaDB's bit operators read a negative number as its two's complement).
 */
final class GramBlocks {

    private GramBlocks() {
    }

    /**
     * A key of a trigram table, {@code gram} and {@code key} (a block here, a row id in {@code stobj_gram}), and
     * the bits there whose rows are gone (a trigram row of a gone row: 1).
     */
    record Stale(long gram, long key, long bits) {
    }

    /**
     * Which ids hold a row, per block of 64. Only a check sets bits, and checks take turns (ConsistencyLock): while
     * a check reads the blocks no bit is set, so a bit whose id held no row in this snapshot belongs to a row that
     * is gone (ids are never given again).
     */
    record LiveIds(long[] blocks, long[] bits) {

        /** The bits of {@code bits} in {@code block} that belong to no row. */
        long stale(long block, long bits) {
            int at = Arrays.binarySearch(blocks, block);
            return bits & ~(at >= 0 ? this.bits[at] : 0);
        }
    }

    /** The live ids, one row per block read from the primary key: 1/64 of the rows, in two arrays. */
    static LiveIds live(Connection c) throws SQLException {
        try (PreparedStatement select = c.prepareStatement("SELECT id >> 6 AS block,"
                + " CAST(BIT_OR(1 << (id & 63)) AS SIGNED) FROM stobj GROUP BY block ORDER BY block");
             ResultSet row = select.executeQuery()) {
            long[] blocks = new long[1024];
            long[] bits = new long[1024];
            int n = 0;
            while (row.next()) {
                if (n == blocks.length) {
                    blocks = Arrays.copyOf(blocks, n * 2);
                    bits = Arrays.copyOf(bits, n * 2);
                }
                blocks[n] = row.getLong(1);
                bits[n++] = row.getLong(2);
            }
            return new LiveIds(Arrays.copyOf(blocks, n), Arrays.copyOf(bits, n));
        }
    }

    /**
     * The block rows after the key ({@code gram}, {@code block}), up to {@code limit}, in key order, each with
     * its stale bits (often none). The last one read is where the next page starts.
     */
    static List<Stale> page(Connection c, LiveIds live, long gram, long block, int limit) throws SQLException {
        try (PreparedStatement select = c.prepareStatement("SELECT gram, block, CAST(bits AS SIGNED)"
                + " FROM stobj_gram_block WHERE gram > ? OR (gram = ? AND block > ?) ORDER BY gram, block LIMIT ?")) {
            select.setLong(1, gram);
            select.setLong(2, gram);
            select.setLong(3, block);
            select.setInt(4, limit);
            List<Stale> rows = new ArrayList<>();
            try (ResultSet row = select.executeQuery()) {
                while (row.next()) {
                    rows.add(new Stale(row.getLong(1), row.getLong(2), live.stale(row.getLong(2), row.getLong(3))));
                }
            }
            return rows;
        }
    }

    /** Takes stale bits out of their blocks, and a block row whose bits are then none. */
    static void clear(Connection c, List<Stale> stale) throws SQLException {
        try (PreparedStatement delete = c.prepareStatement("DELETE FROM stobj_gram_block"
                + " WHERE gram = ? AND block = ? AND bits & ~? = 0");
             PreparedStatement update = c.prepareStatement("UPDATE stobj_gram_block SET bits = bits & ~?"
                     + " WHERE gram = ? AND block = ?")) {
            for (Stale row : stale) {
                delete.setLong(1, row.gram());
                delete.setLong(2, row.key());
                delete.setLong(3, row.bits());
                delete.addBatch();
                update.setLong(1, row.bits());
                update.setLong(2, row.gram());
                update.setLong(3, row.key());
                update.addBatch();
            }
            delete.executeBatch();
            update.executeBatch();
        }
    }
}
