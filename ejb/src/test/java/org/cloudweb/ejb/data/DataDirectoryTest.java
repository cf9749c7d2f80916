package org.cloudweb.ejb.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DataDirectoryTest {

    @TempDir
    Path tmp;

    @Test
    void writableDirectoryPassesAndKeepsNoProbeFile() throws IOException {
        assertTrue(DataDirectory.isWritable(tmp));
        try (Stream<Path> left = Files.list(tmp)) {
            assertEquals(0, left.count(), "the probe file must be removed");
        }
    }

    @Test
    void missingDirectoryFails() {
        assertFalse(DataDirectory.isWritable(tmp.resolve("gone")));
    }

    @Test
    void aFileInPlaceOfTheDirectoryFails() throws IOException {
        Path file = Files.writeString(tmp.resolve("data"), "not a directory");

        assertFalse(DataDirectory.isWritable(file));
    }
}
