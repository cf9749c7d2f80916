package org.cloudweb.ejb.storage;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

class TreeIndexTest {

    @Test
    void namesBecomeAJsonArrayWithQuotesAndBackslashesEscaped() {
        assertEquals("[]", TreeIndex.jsonArray(List.of()));
        assertEquals("[\"photos\",\"say \\\"hi\\\"\",\"back\\\\slash\",\"caf\u00e9 \uD83D\uDE00\"]",
                TreeIndex.jsonArray(List.of("photos", "say \"hi\"", "back\\slash", "caf\u00e9 \uD83D\uDE00")));
    }
}
