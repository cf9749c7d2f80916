package org.cloudweb.ejb.outage;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import jakarta.json.bind.JsonbConfig;
import jakarta.json.bind.JsonbException;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.stream.Stream;
import java.util.zip.CRC32;
import org.cloudweb.ejb.data.DataDirectory;

/**
 * The journal in {@code <data>/journal}: one segment file per outage and node, an entry per line
 * ({@code <json> TAB <crc32>}), appended and fsynced before the client gets its answer. The node writing a
 * segment holds a lock on it, so another node sharing the data directory leaves it alone until it is abandoned.
 * A line cut short by a crash fails its checksum and ends the segment there.
 */
@ApplicationScoped
public class IndexJournal {

    static final String SUFFIX = ".journal";
    private static final Logger LOG = Logger.getLogger(IndexJournal.class.getName());
    private static final Jsonb JSON = JsonbBuilder.create(new JsonbConfig().withNullValues(true));

    @Inject
    DataDirectory data;

    private Path directory;
    private Active active;

    public IndexJournal() {
    }

    IndexJournal(Path directory) {
        this.directory = directory;
    }

    @PostConstruct
    void locate() {
        directory = data.root().resolve("journal");
    }

    /** Appends an entry to this node's open segment (opened now if needed) and syncs it to disk. */
    public synchronized JournalEntry append(JournalEntry entry) {
        try {
            if (active == null) {
                active = Active.create(directory);
                LOG.log(Level.WARNING, "Journaling file operations to {0} until the database is back",
                        active.segment());
            }
            JournalEntry numbered = entry.withSeq(active.entries() + 1);
            try {
                active.write(line(numbered));
            } catch (IOException e) {
                closeActive(); // a partly written line ends this segment; the next entry starts a new one
                throw e;
            }
            return numbered;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The segment this node is writing, or null. */
    public synchronized String activeSegment() {
        return active == null ? null : active.segment();
    }

    /** Entries in the segment this node is writing. */
    public synchronized long activeEntries() {
        return active == null ? 0 : active.entries();
    }

    /** Closes this node's segment: the next append opens a new one. */
    public synchronized void closeActive() {
        if (active != null) {
            active.close();
            active = null;
        }
    }

    /** The names of all segments in the directory, oldest first. */
    public List<String> segments() {
        if (!Files.isDirectory(directory)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(directory)) {
            return files.map(file -> file.getFileName().toString()).filter(name -> name.endsWith(SUFFIX)).sorted()
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * The entries of a segment after the first {@code skipped}, in order, up to the first line that is incomplete
     * or damaged.
     */
    public List<JournalEntry> read(String segment, long skipped) {
        List<JournalEntry> entries = new ArrayList<>();
        try (BufferedReader lines = Files.newBufferedReader(directory.resolve(segment), StandardCharsets.UTF_8)) {
            long seq = 0;
            for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                if (++seq <= skipped) {
                    continue;
                }
                JournalEntry entry = parse(line);
                if (entry == null || entry.seq() != seq) {
                    // the last line may be one being written, or cut by a crash; a damaged line before others is not
                    boolean last = lines.readLine() == null;
                    LOG.log(last ? Level.FINE : Level.WARNING, "Journal {0} ends in an incomplete or damaged line "
                            + "after entry {1}: what follows is left to a consistency check", new Object[] {segment, seq - 1});
                    break;
                }
                entries.add(entry);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return entries;
    }

    /**
     * Takes a segment that no node is writing for replay: the lock is held until closed. Answers null while
     * another node (or this node's open segment) has it.
     */
    public SegmentLock claim(String segment) {
        if (segment.equals(activeSegment())) {
            return null;
        }
        try {
            FileChannel channel = FileChannel.open(directory.resolve(segment), StandardOpenOption.WRITE);
            FileLock lock;
            try {
                lock = channel.tryLock();
            } catch (OverlappingFileLockException taken) {
                lock = null;
            }
            if (lock == null) {
                channel.close();
                return null;
            }
            return new SegmentLock(channel);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Removes a segment that has been replayed. */
    public void delete(String segment) {
        try {
            Files.deleteIfExists(directory.resolve(segment));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String line(JournalEntry entry) {
        String json = JSON.toJson(entry);
        return json + '\t' + Long.toHexString(crc(json)) + '\n';
    }

    static JournalEntry parse(String line) {
        int tab = line.lastIndexOf('\t');
        if (tab < 0) {
            return null;
        }
        String json = line.substring(0, tab);
        if (!Long.toHexString(crc(json)).equals(line.substring(tab + 1))) {
            return null;
        }
        try {
            return JSON.fromJson(json, JournalEntry.class);
        } catch (JsonbException e) {
            return null;
        }
    }

    private static long crc(String json) {
        CRC32 crc = new CRC32();
        crc.update(json.getBytes(StandardCharsets.UTF_8));
        return crc.getValue();
    }

    /** A segment held for replay; closing releases it. */
    public static final class SegmentLock implements AutoCloseable {

        private final FileChannel channel;

        SegmentLock(FileChannel channel) {
            this.channel = channel;
        }

        @Override
        public void close() {
            try {
                channel.close(); // releases the lock
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    /** The segment this node appends to, locked while open. */
    private static final class Active {

        private final String segment;
        private final FileChannel channel;
        private long entries;

        private Active(String segment, FileChannel channel) {
            this.segment = segment;
            this.channel = channel;
        }

        static Active create(Path directory) throws IOException {
            Files.createDirectories(directory);
            // the time first: names sort in the order the outages began
            String segment = String.format("%013d-%s%s", System.currentTimeMillis(), UUID.randomUUID(), SUFFIX);
            FileChannel channel = FileChannel.open(directory.resolve(segment), StandardOpenOption.CREATE_NEW,
                    StandardOpenOption.WRITE, StandardOpenOption.APPEND);
            try {
                channel.lock();
                syncDirectory(directory);
            } catch (IOException e) {
                channel.close();
                throw e;
            }
            return new Active(segment, channel);
        }

        String segment() {
            return segment;
        }

        long entries() {
            return entries;
        }

        void write(String line) throws IOException {
            ByteBuffer bytes = ByteBuffer.wrap(line.getBytes(StandardCharsets.UTF_8));
            while (bytes.hasRemaining()) {
                channel.write(bytes);
            }
            channel.force(false);
            entries++;
        }

        void close() {
            try {
                channel.close();
            } catch (IOException e) {
                LOG.log(Level.WARNING, "Cannot close journal {0}: {1}", new Object[] {segment, e.toString()});
            }
        }

        private static void syncDirectory(Path directory) {
            try (FileChannel dir = FileChannel.open(directory, StandardOpenOption.READ)) {
                dir.force(true);
            } catch (IOException e) {
                LOG.log(Level.FINE, "Cannot sync {0}: {1}", new Object[] {directory, e.getMessage()});
            }
        }
    }
}
