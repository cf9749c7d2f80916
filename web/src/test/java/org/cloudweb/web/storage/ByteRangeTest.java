package org.cloudweb.web.storage;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.junit.jupiter.api.Test;

class ByteRangeTest {

    @Test
    void singleRangesWithinTheFile() {
        assertEquals(new ByteRange(2, 3), ByteRange.parse("bytes=2-4", 10));
        assertEquals(new ByteRange(8, 2), ByteRange.parse("bytes=8-", 10));
        assertEquals(new ByteRange(7, 3), ByteRange.parse("bytes=-3", 10));
        assertEquals(new ByteRange(0, 10), ByteRange.parse("bytes=-30", 10));
        assertEquals(new ByteRange(5, 5), ByteRange.parse("bytes=5-1000", 10), "the end is clipped to the file");
    }

    @Test
    void rangesOutsideTheFileCannotBeSatisfied() {
        assertEquals(ByteRange.UNSATISFIABLE, ByteRange.parse("bytes=10-20", 10));
        assertEquals(ByteRange.UNSATISFIABLE, ByteRange.parse("bytes=0-", 0));
        assertEquals(ByteRange.UNSATISFIABLE, ByteRange.parse("bytes=-0", 10));
    }

    @Test
    void whatIsNotASingleByteRangeMeansTheWholeFile() {
        assertNull(ByteRange.parse(null, 10));
        assertNull(ByteRange.parse("bytes=0-1,4-5", 10));
        assertNull(ByteRange.parse("items=0-1", 10));
        assertNull(ByteRange.parse("bytes=5-2", 10));
        assertNull(ByteRange.parse("bytes=a-b", 10));
        assertNull(ByteRange.parse("bytes=1", 10));
    }
}
