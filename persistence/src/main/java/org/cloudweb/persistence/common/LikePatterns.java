package org.cloudweb.persistence.common;

/** LIKE patterns that match user text literally, for queries that declare {@code ESCAPE '!'}. */
public final class LikePatterns {

    private LikePatterns() {
    }

    /** {@code text} with '!', '%' and '_' escaped by '!'. */
    public static String literal(String text) {
        return text.replace("!", "!!").replace("%", "!%").replace("_", "!_");
    }

    /** A pattern matching every text that starts with {@code prefix}. */
    public static String startingWith(String prefix) {
        return literal(prefix) + "%";
    }
}
