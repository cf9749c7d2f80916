package org.cloudweb.persistence.common;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class LikePatternsTest {

    @Test
    void wildcardsAndTheEscapeCharacterMatchLiterally() {
        assertEquals("100!% sure!_really!!", LikePatterns.literal("100% sure_really!"));
    }

    @Test
    void aPrefixPatternEndsInOneWildcard() {
        assertEquals("a!%b%", LikePatterns.startingWith("a%b"));
        assertEquals("%", LikePatterns.startingWith(""));
    }
}
