package org.cloudweb.ejb.consistency;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The count of entries a check's progress total starts from, on a real filesystem: directories whose link count
 * says they hold no subdirectories are counted without a look at each entry, the others entry by entry.
 */
class EntryCountTest {

    @TempDir
    Path account;

    @Test
    void everyEntryBelowIsCountedAtEveryDepthAndLinksAreNotFollowed() throws Exception {
        Path container = Files.createDirectory(account.resolve("c"));
        Files.writeString(container.resolve("top.txt"), "x");
        Path deep = Files.createDirectories(container.resolve("a").resolve("b").resolve("c"));
        for (int i = 0; i < 5; i++) {
            Files.writeString(deep.resolve("file-" + i), "x");
        }
        Files.createDirectory(deep.resolve("empty"));
        Files.createSymbolicLink(container.resolve("link"), container.resolve("a")); // counted, never followed
        Files.createDirectory(account.resolve("empty-container"));

        // c, top.txt, a, b, c, 5 files, empty, link, empty-container
        assertEquals(13, ConsistencyCheck.countBelow(account, account.getFileName().toString().length()));
    }

    @Test
    void aDirectoryOfFilesOnlyCountsEachOfThem() throws Exception {
        Path directory = Files.createDirectories(account.resolve("c").resolve("files"));
        for (int i = 0; i < 300; i++) {
            Files.writeString(directory.resolve("f" + i), "");
        }

        assertEquals(302, ConsistencyCheck.countBelow(account, 8));
    }
}
