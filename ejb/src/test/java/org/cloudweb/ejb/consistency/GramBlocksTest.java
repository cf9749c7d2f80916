package org.cloudweb.ejb.consistency;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class GramBlocksTest {

    /** Rows 0, 1, 63 (block 0), 64 and 130 (blocks 1 and 2); the snapshot was taken at id 130. */
    private final GramBlocks.LiveIds live = new GramBlocks.LiveIds(130, new long[] {0, 1, 2},
            new long[] {1L | 1L << 1 | 1L << 63, 1L, 1L << 2});

    @Test
    void bitsOfRowsThatAreGoneAreStaleAndBitsOfLiveRowsAreNot() {
        assertEquals(0, live.stale(0, 1L | 1L << 63), "rows 0 and 63 are there");
        assertEquals(1L << 2 | 1L << 62, live.stale(0, 1L | 1L << 2 | 1L << 62 | 1L << 63));
        assertEquals(1L << 63, live.stale(1, 1L | 1L << 63), "row 127 is gone, 64 is there");
        GramBlocks.LiveIds gap = new GramBlocks.LiveIds(130, new long[] {0, 2}, new long[] {1L, 1L << 2});
        assertEquals(-1L, gap.stale(1, -1L), "a block without rows is all stale");
    }

    @Test
    void idsAboveTheSnapshotAreRowsInsertedLaterNeverStale() {
        assertEquals(1L << 1, live.stale(2, 1L << 1 | 1L << 2 | 1L << 3 | 1L << 63), "ids 131 and up are unknown");
        assertEquals(0, live.stale(3, -1L));
        GramBlocks.LiveIds endOfBlock = new GramBlocks.LiveIds(127, new long[] {1}, new long[] {1L});
        assertEquals(-1L << 1, endOfBlock.stale(1, -1L), "up to id 127, the whole block is known");
    }
}
