package org.cloudweb.ejb.consistency;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Names as they come from a directory listing, on a real filesystem. */
class DiskNamesTest {

    @TempDir
    Path directory;

    @Test
    void aNameThatIsNotUtf8IsToldFromOneThatHoldsAReplacementCharacter() throws Exception {
        Files.writeString(Path.of(URI.create(directory.toUri() + "bad-%FF.txt")), "x");
        Files.writeString(directory.resolve("fine-\uFFFD.txt"), "x");

        for (Path entry : list()) {
            String name = entry.getFileName().toString();
            if (name.startsWith("bad-")) {
                assertEquals("is not valid UTF-8", DiskNames.problem(entry, name));
                assertEquals("bad-\\xff.txt", DiskNames.printable(entry, name));
                assertArrayEquals(new byte[] {'b', 'a', 'd', '-', (byte) 0xff, '.', 't', 'x', 't'},
                        DiskNames.rawName(entry));
            } else {
                assertNull(DiskNames.problem(entry, name));
                assertEquals("fine-\uFFFD.txt", DiskNames.printable(entry, name));
            }
        }
    }

    @Test
    void controlCharactersAndBackslashesArePrintedEscaped() throws Exception {
        Path entry = Files.writeString(directory.resolve("a\tb\\c\u0085"), "x");

        assertEquals("a\\x09b\\\\c\\u0085", DiskNames.printable(entry, entry.getFileName().toString()));
        assertTrue(DiskNames.problem(entry, entry.getFileName().toString()).contains("control character"));
    }

    @Test
    void namesSortInByteOrderAndCompareAsTheIndexDoes() {
        // UTF-16 puts U+FF5E before U+1F600 (a surrogate pair); UTF-8 bytes and code points do not
        assertTrue(DiskNames.compare("\uFF5E", "\uD83D\uDE00") < 0);
        assertTrue(DiskNames.compare("\uD83D\uDE00", "\uFF5F") > 0);
        assertTrue(DiskNames.compare("a", "a ") < 0);
        assertEquals(0, DiskNames.compare("é", "é"));
        assertEquals("a", DiskNames.padKey("a  "));
        assertEquals(" a", DiskNames.padKey(" a"));
    }

    private List<Path> list() throws Exception {
        List<Path> entries = new ArrayList<>();
        try (var stream = Files.newDirectoryStream(directory)) {
            stream.forEach(entries::add);
        }
        return entries;
    }
}
