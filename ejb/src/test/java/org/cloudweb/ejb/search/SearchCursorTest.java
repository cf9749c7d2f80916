package org.cloudweb.ejb.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.cloudweb.ejb.error.BadRequestException;
import org.junit.jupiter.api.Test;

class SearchCursorTest {

    @Test
    void cursorsRoundTripWithAnyName() {
        SearchCursor named = new SearchCursor(SearchMode.PREFIX, 42, "ärger 100% _x\\ 😀");
        assertEquals(named, SearchCursor.decode(named.encode(), SearchMode.PREFIX));
        SearchCursor byId = new SearchCursor(SearchMode.SUBSTRING, 7, null);
        assertEquals(byId, SearchCursor.decode(byId.encode(), SearchMode.SUBSTRING));
        assertNull(SearchCursor.decode(null, SearchMode.EXACT));
    }

    @Test
    void foreignOrBrokenCursorsAreRefused() {
        String prefix = new SearchCursor(SearchMode.PREFIX, 42, "name").encode();
        assertThrows(BadRequestException.class, () -> SearchCursor.decode(prefix, SearchMode.SUBSTRING));
        assertThrows(BadRequestException.class, () -> SearchCursor.decode(prefix, SearchMode.EXACT));
        for (String broken : new String[] {"!!", "eA", "UAp4", "UAotMQpu", "UwoxCjI"}) {
            assertThrows(BadRequestException.class, () -> SearchCursor.decode(broken, SearchMode.PREFIX), broken);
        }
    }
}
