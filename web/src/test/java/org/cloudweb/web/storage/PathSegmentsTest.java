package org.cloudweb.web.storage;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.cloudweb.ejb.error.BadRequestException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class PathSegmentsTest {

    @Test
    void segmentsAreDecodedOnceAsUtf8() {
        assertEquals(List.of("alice", "photos", "caf\u00e9 & co", "a+b", "100%", "\uD83D\uDE00"),
                PathSegments.decode("alice/photos/caf%C3%A9%20%26%20co/a+b/100%25/%F0%9F%98%80"));
        assertEquals(List.of("a", "%41"), PathSegments.decode("a/%2541"), "decoded once, not twice");
        assertEquals(List.of("alice", "docs"), PathSegments.decode("alice/docs/"), "a trailing slash is ignored");
    }

    @Test
    void anEncodedSlashStaysInsideItsName() {
        assertEquals(List.of("a", "b/../c"), PathSegments.decode("a/b%2F..%2Fc"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"a/%zz", "a/%4", "a/%", "a/%C3%28", "a/%FF"})
    void brokenEscapesAndNonUtf8AreRefused(String raw) {
        BadRequestException error = assertThrows(BadRequestException.class, () -> PathSegments.decode(raw));
        assertEquals("invalid_name", error.getCode());
    }
}
