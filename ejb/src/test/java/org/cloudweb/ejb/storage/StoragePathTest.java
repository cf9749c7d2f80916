package org.cloudweb.ejb.storage;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.cloudweb.ejb.error.BadRequestException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class StoragePathTest {

    @Test
    void aPathIsAnAccountAndNamesBelowIt() {
        StoragePath path = StoragePath.of(List.of("alice", "photos", "2026", "beach.jpg"));

        assertEquals("alice", path.account());
        assertEquals("beach.jpg", path.name());
        assertEquals("/alice/photos/2026", path.parent().toString());
        assertTrue(StoragePath.of(List.of("alice", "photos")).isContainer());
        assertEquals(path, StoragePath.parse("/alice/photos/2026/beach.jpg"));
    }

    @Test
    void containmentIsByWholeNames() {
        StoragePath photos = StoragePath.parse("/alice/photos");

        assertTrue(photos.contains(StoragePath.parse("/alice/photos/2026")));
        assertTrue(photos.contains(photos));
        assertFalse(photos.contains(StoragePath.parse("/alice/photos2")));
        assertFalse(photos.contains(StoragePath.parse("/bob/photos/2026")));
    }

    @ParameterizedTest
    @ValueSource(strings = {".", "..", "", "a/b", "nul\u0000byte", "bell\u0007", "del\u007f", "broken\uD800"})
    void namesThatCouldEscapeOrConfuseAreRefused(String name) {
        BadRequestException error = assertThrows(BadRequestException.class,
                () -> StoragePath.of(List.of("alice", "c", name)));
        assertEquals("invalid_name", error.getCode());
    }

    @Test
    void namesAreLimitedInBytesAndPathsInTotal() {
        String fourByteChars = "\uD83D\uDE00".repeat(63); // 252 bytes
        StoragePath.of(List.of("alice", "c", fourByteChars + "abc")); // 255 bytes: the most a name may have
        assertThrows(BadRequestException.class, () -> StoragePath.of(List.of("alice", "c", fourByteChars + "abcd")));

        List<String> deep = new ArrayList<>(List.of("alice"));
        deep.addAll(Collections.nCopies(20, "d".repeat(200)));
        BadRequestException tooLong = assertThrows(BadRequestException.class, () -> StoragePath.of(deep));
        assertEquals("path_too_long", tooLong.getCode());
    }

    @Test
    void theAccountMustBeAValidAccountName() {
        assertThrows(BadRequestException.class, () -> StoragePath.of(List.of("db", "c")));
        assertThrows(BadRequestException.class, () -> StoragePath.parse("relative/path"));
    }
}
