package org.cloudweb.ejb.search;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.cloudweb.ejb.error.BadRequestException;

/**
 * Where a page of results ends, opaque to clients: the last row's lower-case name and id for prefix and exact
 * searches (which are ordered by both), the id alone for substring searches (ordered by id).
 */
record SearchCursor(SearchMode mode, long id, String nameLc) {

    private static final char SEPARATOR = '\n'; // never in a name

    String encode() {
        String plain = mode.name().charAt(0) + (SEPARATOR + Long.toString(id))
                + (nameLc == null ? "" : SEPARATOR + nameLc);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(plain.getBytes(StandardCharsets.UTF_8));
    }

    /**
     * @return the position encoded in {@code cursor} for a search in {@code mode}, or null if there is none
     * @throws BadRequestException if the cursor was not made by a search in this mode
     */
    static SearchCursor decode(String cursor, SearchMode mode) {
        if (cursor == null || cursor.isEmpty()) {
            return null;
        }
        try {
            String plain = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8);
            String[] parts = plain.split(String.valueOf(SEPARATOR), 3);
            boolean named = mode != SearchMode.SUBSTRING;
            if (parts.length != (named ? 3 : 2) || parts[0].charAt(0) != mode.name().charAt(0)
                    || parts[0].length() != 1) {
                throw invalid();
            }
            long id = Long.parseLong(parts[1]);
            if (id < 0) {
                throw invalid();
            }
            return new SearchCursor(mode, id, named ? parts[2] : null);
        } catch (IllegalArgumentException | StringIndexOutOfBoundsException e) {
            throw invalid();
        }
    }

    private static BadRequestException invalid() {
        return new BadRequestException("The cursor is not one a search in this mode gave");
    }
}
