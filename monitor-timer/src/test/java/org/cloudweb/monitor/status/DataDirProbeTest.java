package org.cloudweb.monitor.status;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DataDirProbeTest {

    @TempDir
    Path data;

    @Test
    void aWritableDirectoryIsOkWithItsFreeSpaceAndKeepsNoProbe() throws IOException {
        Files.createDirectory(data.resolve("alice"));

        DataDirState state = DataDirProbe.check(data);

        assertTrue(state.ok(), state.toString());
        assertEquals("writable", state.detail());
        assertNotNull(state.freeBytes());
        assertTrue(state.freeBytes() > 0);
        try (Stream<Path> entries = Files.list(data)) {
            assertEquals(1, entries.count(), "only the account: the probe is gone");
        }
    }

    @Test
    void aMissingDirectoryOrAFileInItsPlaceIsNotOk() throws IOException {
        DataDirState missing = DataDirProbe.check(data.resolve("gone"));
        assertFalse(missing.ok());
        assertEquals("missing", missing.detail());

        Path file = Files.writeString(data.resolve("file"), "x");
        DataDirState notADirectory = DataDirProbe.check(file);
        assertFalse(notADirectory.ok());
        assertEquals("not a directory", notADirectory.detail());
    }

    @Test
    void reasonsNeverNameThePath() {
        assertEquals("permission denied", DataDirProbe.reason(new AccessDeniedException("/srv/data/.probe-1.tmp")));
        assertEquals("Read-only file system",
                DataDirProbe.reason(new FileSystemException("/srv/data/.probe-1.tmp", null, "Read-only file system")));
        assertEquals("IOException", DataDirProbe.reason(new IOException("/srv/data: Input/output error")));
    }
}
