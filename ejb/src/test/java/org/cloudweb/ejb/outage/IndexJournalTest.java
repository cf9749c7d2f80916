package org.cloudweb.ejb.outage;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class IndexJournalTest {

    @TempDir
    Path directory;

    @Test
    void entriesComeBackInOrderWithEverythingTheReplayNeeds() {
        IndexJournal journal = new IndexJournal(directory);
        Instant time = Instant.parse("2026-12-07T10:15:30.123456Z");
        journal.append(put("/alice/photos/ä b.jpg", time));
        journal.append(new JournalEntry(0, JournalEntry.MOVE, "/alice/photos/x", "/alice/photos/y", true, 200, 0, null,
                null, null, time, 7L, null));
        JournalEntry third = journal.append(put("/alice/photos/z", time));
        assertEquals(3, third.seq());
        assertEquals(3, journal.activeEntries());

        List<JournalEntry> read = journal.read(journal.activeSegment(), 0);
        assertEquals(List.of(1L, 2L, 3L), read.stream().map(JournalEntry::seq).toList());
        assertEquals(put("/alice/photos/ä b.jpg", time).withSeq(1), read.get(0));
        assertEquals("/alice/photos/y", read.get(1).target());
        assertNull(read.get(1).metadata());
        assertEquals(List.of(3L), journal.read(journal.activeSegment(), 2).stream().map(JournalEntry::seq).toList());
    }

    @Test
    void aLineCutShortByACrashEndsTheSegment() throws IOException {
        IndexJournal journal = new IndexJournal(directory);
        journal.append(put("/alice/c/one", Instant.now()));
        journal.append(put("/alice/c/two", Instant.now()));
        String segment = journal.activeSegment();
        journal.closeActive();
        String whole = IndexJournal.line(put("/alice/c/three", Instant.now()).withSeq(3));
        Files.writeString(directory.resolve(segment), whole.substring(0, whole.length() / 2), StandardCharsets.UTF_8,
                StandardOpenOption.APPEND);

        assertEquals(2, journal.read(segment, 0).size());
    }

    @Test
    void aDamagedLineIsNotReplayedNorAnythingAfterIt() throws IOException {
        IndexJournal journal = new IndexJournal(directory);
        for (String name : List.of("one", "two", "three")) {
            journal.append(put("/alice/c/" + name, Instant.now()));
        }
        String segment = journal.activeSegment();
        journal.closeActive();
        Path file = directory.resolve(segment);
        Files.writeString(file, Files.readString(file).replace("/alice/c/two", "/alice/c/tw0"));

        assertEquals(List.of("/alice/c/one"), journal.read(segment, 0).stream().map(JournalEntry::path).toList());
    }

    @Test
    void theOpenSegmentIsNotClaimedUntilClosedAndAClaimIsExclusive() {
        IndexJournal journal = new IndexJournal(directory);
        journal.append(put("/alice/c/one", Instant.now()));
        String first = journal.activeSegment();
        assertNull(journal.claim(first));
        journal.closeActive();
        journal.append(put("/alice/c/two", Instant.now()));
        assertEquals(List.of(first, journal.activeSegment()), journal.segments());

        try (IndexJournal.SegmentLock claimed = journal.claim(first)) {
            assertNotNull(claimed);
            assertNull(journal.claim(first));
        }
        journal.delete(first);
        assertEquals(List.of(journal.activeSegment()), journal.segments());
    }

    private static JournalEntry put(String path, Instant time) {
        return new JournalEntry(0, JournalEntry.PUT, path, null, false, 201, 12, "0123456789abcdef0123456789abcdef",
                "image/jpeg", Map.of("color", "blue"), time, 3L, "127.0.0.1");
    }
}
