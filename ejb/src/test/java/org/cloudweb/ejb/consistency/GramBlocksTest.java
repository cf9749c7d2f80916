package org.cloudweb.ejb.consistency;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class GramBlocksTest {

    /** Rows 0, 1, 63 (block 0), 64 (block 1) and 130 (block 2); none in block 3. */
    private final GramBlocks.LiveIds live = new GramBlocks.LiveIds(new long[] {0, 1, 2, 4},
            new long[] {1L | 1L << 1 | 1L << 63, 1L, 1L << 2, 1L});

    @Test
    void bitsOfRowsThatAreGoneAreStale() {
        assertEquals(1L << 2 | 1L << 62, live.stale(0, 1L | 1L << 2 | 1L << 62 | 1L << 63));
        assertEquals(1L << 63, live.stale(1, 1L | 1L << 63), "row 127 is gone, 64 is there");
        assertEquals(-1L, live.stale(3, -1L), "a block without rows is all stale");
        assertEquals(-1L, live.stale(9, -1L), "so is one past the last row");
    }

    @Test
    void bitsOfLiveRowsAreNot() {
        assertEquals(0, live.stale(0, 1L | 1L << 1 | 1L << 63), "the sign bit is id 63");
        assertEquals(0, live.stale(2, 1L << 2));
        assertEquals(0, live.stale(4, 1L));
    }
}
