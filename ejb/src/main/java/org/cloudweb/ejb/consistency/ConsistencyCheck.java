package org.cloudweb.ejb.consistency;

import static org.cloudweb.ejb.consistency.ConsistencyReport.Checked;
import static org.cloudweb.ejb.consistency.ConsistencyReport.Repair;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileTime;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.Executor;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.cloudweb.ejb.consistency.IndexRows.NewRow;
import org.cloudweb.ejb.consistency.IndexRows.Row;
import org.cloudweb.ejb.storage.StoragePath;
import org.cloudweb.ejb.user.AccountNames;

/**
 * Compares the data directory with the index, account by account, directory by directory, and (in
 * {@link CheckMode#REPAIR} or {@link CheckMode#IMPORT}) makes the index follow the files. Files are only read:
 * nothing on disk is changed but stale temporary files (repair) and a missing account directory (repair).
 *
 * <p>Memory stays bounded by the largest directory: each directory's listing is sorted by name and merged with
 * its rows, read in the same order, in slices of {@value #SLICE} names. Work is done in units of about
 * {@value #UNIT} entries and row writes, each a transaction that holds the account's lock (the lock every
 * change of the tree takes), so a running server keeps serving and the files looked at and the rows read
 * agree. Between units the tree may change: a directory from an earlier unit is looked at only if its row
 * still sits at the same path, and a row is called missing only after its file is looked for again.
 */
public final class ConsistencyCheck {

    /** Entries and row writes per transaction. */
    static final int UNIT = 5_000;
    /** Names of one directory merged with their rows at a time. */
    static final int SLICE = 2_000;
    /** Temporary files older than this are left by a crash (an upload writes to its file all along). */
    static final Duration STALE_TEMP = Duration.ofHours(1);
    /** A file newer than its row by more than this changed behind the index's back (coarse file clocks). */
    static final Duration MTIME_TOLERANCE = Duration.ofSeconds(2);
    private static final int GRAM_PAGE = 10_000;
    private static final long PROGRESS_NANOS = 1_000_000_000L;
    private static final Logger LOG = Logger.getLogger(ConsistencyCheck.class.getName());

    private final Path root;
    private final Transactions db;
    private final GramBacklog grams;
    private final CheckOptions options;
    private final CheckListener listener;
    private final AccountCreator creator;
    private final ConsistencyReport report;
    private final Instant started = Instant.now();
    private final MessageDigest md5;
    private final ByteBuffer buffer = ByteBuffer.allocate(64 * 1024);
    private final Map<String, Long> entriesBelow = new HashMap<>();
    private long total;
    private long done;
    private long lastProgress = System.nanoTime();

    /**
     * @param root     the data directory
     * @param db       runs units of work in transactions
     * @param listener told the progress about once a second
     * @param creator  makes users on import with {@code createUsers}; may be null where that is not offered
     * @param grams    where the trigrams of new rows are added while the walk goes on ({@code Runnable::run}:
     *                 in the walk's thread, between its units)
     */
    public ConsistencyCheck(Path root, Transactions db, CheckOptions options, CheckListener listener,
                            AccountCreator creator, Executor grams) {
        this.root = root;
        this.db = db;
        this.grams = new GramBacklog(db, grams);
        this.options = options;
        this.listener = listener;
        this.creator = creator;
        this.report = new ConsistencyReport(options.mode(), options.account());
        try {
            this.md5 = MessageDigest.getInstance("MD5");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every Java runtime has MD5", e);
        }
    }

    public ConsistencyReport run() throws IOException, SQLException {
        requireUtf8Names();
        List<String> accounts = accounts();
        for (String account : accounts) {
            long below = countBelow(root.resolve(account), account.length());
            entriesBelow.put(account, below);
            total += 1 + below;
        }
        Path tmp = root.resolve("tmp");
        boolean whole = options.account() == null;
        if (whole && Files.isDirectory(tmp, LinkOption.NOFOLLOW_LINKS)) {
            total += countBelow(tmp, Integer.MIN_VALUE);
        }
        listener.progress(done, total);
        checkPendingGrams();
        try {
            for (String account : accounts) {
                checkAccount(account);
                progress();
            }
        } catch (IOException | SQLException | RuntimeException e) {
            grams.awaitAfter(e);
            throw e;
        }
        grams.await();
        if (whole) {
            checkTemp(tmp);
            checkGrams();
        }
        LOG.log(Level.INFO, "Consistency {0}", report.summary());
        return report;
    }

    /**
     * Rows that a stopped import or repair noted for trigrams it never added: substring search misses them until
     * a check that writes adds them (first thing, before its own rows). Checks take turns (ConsistencyLock), so
     * every note seen here is left over, whichever account it concerns.
     */
    private void checkPendingGrams() throws IOException, SQLException {
        long rows = db.run(GramBacklog::pendingRows);
        if (rows > 0) {
            report.add(Finding.GRAMS_PENDING, rows + " rows without their search trigrams", rows);
        }
        if (options.writes()) {
            grams.catchUp();
            report.repaired(Repair.GRAMS_ADDED, rows);
        }
    }

    /**
     * Java decodes file names with the platform's encoding: in any other than UTF-8, names would be garbled
     * and a repair would take files for missing.
     */
    private static void requireUtf8Names() throws IOException {
        String encoding = System.getProperty("sun.jnu.encoding");
        if (encoding != null && Charset.isSupported(encoding)
                && !StandardCharsets.UTF_8.equals(Charset.forName(encoding))) {
            throw new IOException("File names are decoded as " + encoding + ", not UTF-8: run with a UTF-8 locale "
                    + "(e.g. LANG=C.UTF-8)");
        }
    }

    /**
     * The accounts to check, by name: the one asked for, or every account directory and every account row.
     * Entries of the data directory that cannot be accounts are reported here.
     */
    private List<String> accounts() throws IOException, SQLException {
        if (options.account() != null) {
            return List.of(options.account());
        }
        TreeSet<String> names = new TreeSet<>();
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(root)) {
            for (Path entry : entries) {
                String name = entry.getFileName().toString();
                if (AccountNames.isReserved(name) || name.startsWith(".probe-")) {
                    continue; // the data directory's own entries, and the health check's probe file
                }
                if (AccountNames.problem(name) != null) {
                    report.add(Finding.INVALID_NAME, "/" + DiskNames.printable(entry, name));
                    total++;
                    done++;
                } else {
                    names.add(name);
                }
            }
        }
        names.addAll(db.run(IndexRows::accountNames));
        return new ArrayList<>(names);
    }

    private void checkAccount(String name) throws IOException, SQLException {
        Path directory = root.resolve(name);
        String path = "/" + name;
        BasicFileAttributes attributes = attributes(directory);
        record State(IndexRows.User user, Long accountId) {
        }
        State state = db.run(c -> new State(IndexRows.user(c, name), IndexRows.account(c, name)));
        IndexRows.User user = state.user();
        Long owner = user != null && user.name().equals(name) ? user.id() : null;
        done++;
        if (attributes == null || !attributes.isDirectory()) {
            if (attributes != null) {
                report.add(attributes.isSymbolicLink() ? Finding.SYMLINK
                        : attributes.isRegularFile() ? Finding.MISPLACED_FILE : Finding.SPECIAL_FILE, path);
            }
            if (state.accountId() != null) {
                report.checked(Checked.ACCOUNTS, 1);
                missingAccount(name, state.accountId(), owner, attributes == null);
            }
            return;
        }
        report.checked(Checked.ACCOUNTS, 1);
        if (owner == null) {
            report.add(Finding.ACCOUNT_WITHOUT_USER, user == null ? path
                    : path + " (the user " + user.name() + " differs in case)");
            if (options.mode() == CheckMode.IMPORT && options.createUsers() && user == null && creator != null) {
                owner = creator.create(name);
                if (owner != null) {
                    report.repaired(Repair.USERS_CREATED, 1);
                }
            }
            if (owner == null) {
                done += entriesBelow.getOrDefault(name, 0L);
                return;
            }
        }
        long ownerId = owner;
        Long accountId = db.run(c -> IndexRows.account(c, name));
        if (accountId == null) {
            report.add(Finding.UNINDEXED, path);
            if (options.writes()) {
                accountId = db.run(c -> IndexRows.insertAccount(c, name, ownerId, modified(attributes)));
                report.repaired(Repair.ROWS_ADDED, 1);
            }
        }
        checkQuota(name, ownerId, false);
        new AccountWalk(name, ownerId, accountId).run();
        if (options.writes()) {
            checkQuota(name, ownerId, true);
        }
    }

    /** An account row whose directory is gone: its rows are missing; a repair keeps the account, empty. */
    private void missingAccount(String name, long accountId, Long owner, boolean directoryGone)
            throws IOException, SQLException {
        List<List<Long>> levels = db.run(c -> IndexRows.subtree(c, accountId));
        report.add(Finding.MISSING, "/" + name, levels.stream().mapToLong(List::size).sum());
        if (!options.repairs()) {
            return;
        }
        long removed = db.run(c -> {
            IndexRows.lockAccount(c, name);
            List<List<Long>> below = IndexRows.subtree(c, accountId);
            below.remove(below.size() - 1); // the account row itself stays with its user
            IndexRows.delete(c, below);
            return below.stream().mapToLong(List::size).sum();
        });
        report.repaired(Repair.ROWS_REMOVED, removed);
        if (directoryGone) {
            Files.createDirectory(root.resolve(name));
        }
        if (owner != null) {
            checkQuota(name, owner, true);
        }
    }

    /**
     * Compares a user's quota usage with what their rows add up to, under the account's lock (so no change is
     * halfway); after a repair or import, sets it to that.
     */
    private void checkQuota(String name, long owner, boolean fix) throws IOException, SQLException {
        db.run(c -> {
            IndexRows.lockAccount(c, name);
            long[] indexed = IndexRows.usage(c, owner);
            long[] used = IndexRows.quota(c, owner);
            if (used != null && used[0] == indexed[0] && used[1] == indexed[1]) {
                return null;
            }
            if (fix) {
                IndexRows.setQuota(c, owner, indexed);
                report.repaired(Repair.QUOTAS_FIXED, 1);
            } else {
                report.add(Finding.QUOTA_DRIFT, "/" + name + ": " + (used == null ? "no quota"
                        : "usage " + used[0] + " objects, " + used[1] + " bytes") + "; the index holds "
                        + indexed[0] + " objects, " + indexed[1] + " bytes");
            }
            return null;
        });
    }

    /** Entries below a directory, counted as the walk will meet them (no links, no names it skips). */
    static long countBelow(Path top, int topBytes) {
        record Directory(Path path, int bytes) {
        }
        Deque<Directory> pending = new ArrayDeque<>(List.of(new Directory(top, topBytes)));
        long count = 0;
        while (!pending.isEmpty()) {
            Directory directory = pending.pop();
            boolean descend = directory.bytes() >= 0 && !withoutSubdirectories(directory.path());
            try (DirectoryStream<Path> entries = Files.newDirectoryStream(directory.path())) {
                for (Path entry : entries) {
                    count++;
                    if (!descend) {
                        continue;
                    }
                    String name = entry.getFileName().toString();
                    int bytes = directory.bytes() + 1 + name.getBytes(StandardCharsets.UTF_8).length;
                    if (bytes <= StoragePath.MAX_BYTES && DiskNames.problem(entry, name) == null
                            && Files.isDirectory(entry, LinkOption.NOFOLLOW_LINKS)) {
                        pending.push(new Directory(entry, bytes));
                    }
                }
            } catch (IOException e) {
                // the walk reports what it cannot read
            }
        }
        return count;
    }

    /**
     * Whether a directory is known to have no subdirectories without looking at its entries (a look each costs
     * a system call): where a directory's link count is 2 plus its subdirectories (ext4, xfs, tmpfs), 2 says
     * so. Elsewhere (btrfs says 1) or when in doubt, false, and every entry is looked at.
     */
    private static boolean withoutSubdirectories(Path directory) {
        try {
            return Files.getAttribute(directory, "unix:nlink", LinkOption.NOFOLLOW_LINKS) instanceof Integer links
                    && links == 2;
        } catch (IOException | UnsupportedOperationException | IllegalArgumentException e) {
            return false;
        }
    }

    /** Reports temporary files and deleted trees older than an hour, and removes them in a repair. */
    private void checkTemp(Path tmp) throws IOException {
        if (!Files.isDirectory(tmp, LinkOption.NOFOLLOW_LINKS)) {
            return;
        }
        Instant cutoff = started.minus(STALE_TEMP);
        List<Path> stale = new ArrayList<>();
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(tmp)) {
            for (Path entry : entries) {
                done++;
                Instant changed = lastChange(entry);
                if (changed != null && changed.isBefore(cutoff)) {
                    report.add(Finding.STALE_TEMP, "tmp/" + DiskNames.printable(entry, entry.getFileName().toString()));
                    stale.add(entry);
                }
            }
        }
        if (options.repairs()) {
            for (Path entry : stale) {
                deleteTree(entry);
                report.repaired(Repair.TEMP_REMOVED, 1);
            }
        }
        progress();
    }

    /**
     * When a temporary entry was last changed: an upload's file by its modification time; a deleted tree
     * (a directory moved into tmp) also by its change time, which the rename that put it there sets, so a
     * delete whose transaction has not ended yet never looks stale. Null if it is gone.
     */
    private static Instant lastChange(Path entry) {
        try {
            BasicFileAttributes attributes = Files.readAttributes(entry, BasicFileAttributes.class,
                    LinkOption.NOFOLLOW_LINKS);
            Instant modified = attributes.lastModifiedTime().toInstant();
            if (attributes.isDirectory()) {
                Object changed = Files.getAttribute(entry, "unix:ctime", LinkOption.NOFOLLOW_LINKS);
                if (changed instanceof FileTime time && time.toInstant().isAfter(modified)) {
                    return time.toInstant();
                }
            }
            return modified;
        } catch (UnsupportedOperationException | IllegalArgumentException noChangeTime) {
            return null; // without a change time, a directory's age is unknown: leave it
        } catch (IOException gone) {
            return null;
        }
    }

    /** Removes a file or a tree without following links; what is already gone is no failure. */
    private static void deleteTree(Path top) throws IOException {
        try {
            Files.walkFileTree(top, new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult visitFile(Path file, BasicFileAttributes attributes) throws IOException {
                    Files.deleteIfExists(file);
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult visitFileFailed(Path file, IOException failure) throws IOException {
                    if (failure instanceof NoSuchFileException) {
                        return FileVisitResult.CONTINUE;
                    }
                    throw failure;
                }

                @Override
                public FileVisitResult postVisitDirectory(Path directory, IOException failure) throws IOException {
                    if (failure != null && !(failure instanceof NoSuchFileException)) {
                        throw failure;
                    }
                    Files.deleteIfExists(directory);
                    return FileVisitResult.CONTINUE;
                }
            });
        } catch (NoSuchFileException gone) {
            // removed meanwhile (a delete's own clean-up)
        }
    }

    /**
     * Trigrams of rows that are gone, page by page along the clustered keys: rows of {@code stobj_gram} and bits
     * of the posting blocks. A repair deletes them.
     */
    private void checkGrams() throws IOException, SQLException {
        long orphans = pageGrams((c, gram, id) -> {
            List<long[]> keys = IndexRows.orphanGrams(c, gram, id, GRAM_PAGE);
            if (options.repairs() && !keys.isEmpty()) {
                IndexRows.deleteGrams(c, keys);
            }
            return keys.stream().map(key -> new GramBlocks.Stale(key[0], key[1], 1)).toList();
        });
        GramBlocks.LiveIds live = db.run(GramBlocks::live);
        orphans += pageGrams((c, gram, block) -> {
            List<GramBlocks.Stale> rows = GramBlocks.page(c, live, gram, block, GRAM_PAGE);
            List<GramBlocks.Stale> stale = rows.stream().filter(row -> row.bits() != 0).toList();
            if (options.repairs() && !stale.isEmpty()) {
                GramBlocks.clear(c, stale);
            }
            return rows;
        });
        if (orphans > 0) {
            report.add(Finding.ORPHAN_GRAMS, orphans + " trigram rows of removed objects", orphans);
            if (options.repairs()) {
                report.repaired(Repair.GRAMS_REMOVED, orphans);
            }
        }
    }

    /** Reads (and repairs) pages of keys, each after the last of the page before; answers the stale bits. */
    private long pageGrams(GramPage read) throws IOException, SQLException {
        long[] after = {-1, -1};
        long orphans = 0;
        while (true) {
            List<GramBlocks.Stale> page = db.run(c -> read.after(c, after[0], after[1]));
            for (GramBlocks.Stale key : page) {
                orphans += Long.bitCount(key.bits());
            }
            if (page.size() < GRAM_PAGE) {
                return orphans;
            }
            after[0] = page.get(page.size() - 1).gram();
            after[1] = page.get(page.size() - 1).key();
        }
    }

    /** One page of a trigram table's keys after ({@code gram}, {@code key}), in one transaction. */
    @FunctionalInterface
    private interface GramPage {
        List<GramBlocks.Stale> after(Connection c, long gram, long key) throws SQLException;
    }

    private void progress() {
        long now = System.nanoTime();
        if (now - lastProgress >= PROGRESS_NANOS) {
            lastProgress = now;
            listener.progress(Math.min(done, total), total);
        }
    }

    private static BasicFileAttributes attributes(Path path) throws IOException {
        try {
            return Files.readAttributes(path, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
        } catch (NoSuchFileException gone) {
            return null;
        }
    }

    /** A file time as the index stores times: UTC, to the microsecond. */
    private static LocalDateTime modified(BasicFileAttributes attributes) {
        return LocalDateTime.ofInstant(attributes.lastModifiedTime().toInstant().truncatedTo(ChronoUnit.MICROS),
                ZoneOffset.UTC);
    }

    /** Reads a file (never through a link) for its row: the bytes read and their MD5. */
    private NewRow fileRow(Path file, String name, BasicFileAttributes attributes) throws IOException {
        md5.reset();
        long size = 0;
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ, LinkOption.NOFOLLOW_LINKS)) {
            buffer.clear();
            while (channel.read(buffer) >= 0) {
                buffer.flip();
                size += buffer.remaining();
                md5.update(buffer);
                buffer.clear();
            }
        }
        return new NewRow(name, "file", size, HexFormat.of().formatHex(md5.digest()), modified(attributes));
    }

    /** A directory to look at: its row (null where the index has none), names from the account down, place on disk. */
    private record Pending(Long rowId, List<String> names, Path disk, int pathBytes, long unit) {

        Pending child(Long childId, String name, Path entry, int bytes, long inUnit) {
            List<String> childNames = new ArrayList<>(names.size() + 1);
            childNames.addAll(names);
            childNames.add(name);
            return new Pending(childId, childNames, entry, bytes, inUnit);
        }

        int depth() {
            return names.size();
        }
    }

    /** An entry of a directory listing: its path (which keeps the raw bytes of its name) and decoded name. */
    private record Listed(Path path, String name) {
    }

    /** An entry that the index could hold, with what it is on disk. */
    private record Candidate(Listed entry, BasicFileAttributes attributes, int pathBytes) {

        String name() {
            return entry.name();
        }
    }

    /** A directory being merged with its rows, slice by slice. */
    private static final class Cursor {
        final Pending directory;
        final List<Listed> listed;
        int position;
        long unit;

        Cursor(Pending directory, List<Listed> listed, long unit) {
            this.directory = directory;
            this.listed = listed;
            this.unit = unit;
        }

        boolean finished() {
            return position >= listed.size();
        }
    }

    /** The walk of one account's tree, depth first, in units of work. */
    private final class AccountWalk {

        private final String account;
        private final long owner;
        private final Long accountId;
        private final Deque<Pending> stack = new ArrayDeque<>();
        private Cursor current;
        private long unit;
        /** New file rows of the unit, inserted together: one batch instead of one per directory. */
        private final List<IndexRows.ChildRow> newFiles = new ArrayList<>();
        /** The rows the last unit inserted without trigrams, if any. */
        private GramBacklog.Range inserted;
        private boolean rowsAdded;

        AccountWalk(String account, long owner, Long accountId) {
            this.account = account;
            this.owner = owner;
            this.accountId = accountId;
        }

        void run() throws IOException, SQLException {
            stack.push(new Pending(accountId, List.of(), root.resolve(account), account.length(), -1));
            while (current != null || !stack.isEmpty()) {
                inserted = null;
                boolean more = db.run(this::unit);
                if (inserted != null) {
                    grams.submit(inserted);
                }
                if (!more) {
                    break;
                }
                progress();
            }
        }

        /**
         * One transaction's worth of directories (or slices of one); false if the account went away. Where rows
         * are written, the trigger leaves the new rows' trigrams to the backlog, which adds them once the unit
         * has committed.
         */
        private boolean unit(Connection c) throws SQLException, IOException {
            unit++;
            if (accountId != null && IndexRows.lockAccount(c, account) == null) {
                LOG.log(Level.INFO, "Account {0} was removed during the check", account);
                return false;
            }
            if (!options.writes()) {
                walk(c);
                return true;
            }
            long before = IndexRows.maxId(c);
            rowsAdded = false;
            newFiles.clear();
            IndexRows.deferGrams(c, true);
            try {
                walk(c);
                insertNewFiles(c);
            } catch (Throwable e) { // whatever ends the unit, the pooled connection must not keep deferring
                try {
                    IndexRows.deferGrams(c, false);
                } catch (SQLException reset) {
                    e.addSuppressed(reset);
                }
                throw e;
            }
            IndexRows.deferGrams(c, false);
            if (rowsAdded) {
                inserted = GramBacklog.note(c, before, IndexRows.maxId(c));
            }
            return true;
        }

        private void insertNewFiles(Connection c) throws SQLException {
            IndexRows.insertFiles(c, owner, newFiles);
            newFiles.clear();
        }

        /** Directories (or slices of one) until the unit's work is done or the account's tree is. */
        private void walk(Connection c) throws SQLException, IOException {
            int work = 0;
            while (work < UNIT && (current != null || !stack.isEmpty())) {
                if (current == null) {
                    Pending next = stack.pop();
                    if (next.unit() != unit && !stillThere(c, next)) {
                        continue;
                    }
                    current = open(next);
                    if (current == null) {
                        continue;
                    }
                } else if (current.unit != unit && !stillThere(c, current.directory)) {
                    current = null;
                    continue;
                }
                current.unit = unit;
                work += slice(c, current);
                if (current.finished()) {
                    current = null;
                }
            }
        }

        /**
         * Whether a directory seen in an earlier unit is still where it was: on disk, and (if indexed) its row
         * at the same path. A move or delete in between makes it someone else's business.
         */
        private boolean stillThere(Connection c, Pending directory) throws SQLException {
            if (!Files.isDirectory(directory.disk(), LinkOption.NOFOLLOW_LINKS)) {
                return false;
            }
            if (directory.rowId() == null) {
                return true;
            }
            List<String> expected = new ArrayList<>(directory.names().size() + 1);
            expected.add(account);
            expected.addAll(directory.names());
            return IndexRows.namesTo(c, directory.rowId()).equals(expected);
        }

        private Cursor open(Pending directory) {
            List<Listed> listed = new ArrayList<>();
            try (DirectoryStream<Path> entries = Files.newDirectoryStream(directory.disk())) {
                for (Path entry : entries) {
                    listed.add(new Listed(entry, entry.getFileName().toString()));
                }
            } catch (NoSuchFileException | NotDirectoryException gone) {
                return null;
            } catch (IOException e) {
                LOG.log(Level.WARNING, "Cannot list {0}: {1}", new Object[] {directory.disk(), e.toString()});
                report.add(Finding.UNREADABLE, pathOf(directory));
                return null;
            }
            listed.sort(Comparator.comparing(Listed::name, DiskNames.ORDER));
            report.checked(Checked.DIRECTORIES, 1);
            return new Cursor(directory, listed, unit);
        }

        /** Merges the next slice of a directory's names with their rows; answers the work done. */
        private int slice(Connection c, Cursor cursor) throws SQLException, IOException {
            List<Listed> names = cursor.listed;
            int from = cursor.position;
            int to = Math.min(names.size(), from + SLICE);
            // a slice ends at a name that bounds a range of rows exactly: not amid names the index holds as one
            // (trailing spaces), nor at a name with control characters (which sort differently in the index)
            while (to < names.size() && (!cleanBound(names.get(to - 1).name())
                    || DiskNames.padKey(names.get(to).name()).equals(DiskNames.padKey(names.get(to - 1).name())))) {
                to++;
            }
            String after = from == 0 ? null : names.get(from - 1).name();
            String upTo = to == names.size() ? null : names.get(to - 1).name();
            cursor.position = to;
            Pending directory = cursor.directory;
            List<Row> rows = directory.rowId() == null ? List.of()
                    : IndexRows.children(c, directory.rowId(), after, upTo);
            Slice slice = new Slice(c, directory, rows);
            for (int i = from; i < to; i++) {
                slice.classify(names.get(i));
            }
            slice.merge();
            int writes = slice.write(after, upTo);
            return (to - from) + writes;
        }

        private String pathOf(Pending directory) {
            return "/" + account + (directory.names().isEmpty() ? "" : "/" + String.join("/", directory.names()));
        }

        /** The decisions about one slice of a directory: collected first, then written deletes first. */
        private final class Slice {

            private final Connection c;
            private final Pending directory;
            private final List<Row> rows;
            private final List<Candidate> candidates = new ArrayList<>();
            /** Names on disk that the index cannot hold as they are: a row of such a name has no file. */
            private final Set<String> excluded = new HashSet<>();
            /** Names that could not be looked at: their rows are left alone. */
            private final Set<String> unknown = new HashSet<>();
            private final List<List<List<Long>>> deletes = new ArrayList<>();
            private final Map<Long, NewRow> updates = new HashMap<>();
            private final List<NewRow> inserts = new ArrayList<>();
            private final Map<String, Candidate> insertedDirectories = new HashMap<>();
            private final List<Pending> children = new ArrayList<>();
            private final Set<String> keptRowKeys = new HashSet<>();
            /** The directory's path for reports, made once per slice rather than once per name. */
            private final String directoryPath;

            Slice(Connection c, Pending directory, List<Row> rows) {
                this.c = c;
                this.directory = directory;
                this.rows = rows;
                this.directoryPath = pathOf(directory);
            }

            void classify(Listed entry) {
                done++;
                String name = entry.name();
                String problem = DiskNames.problem(entry.path(), name);
                if (problem != null) {
                    report.add(Finding.INVALID_NAME, directoryPath + "/" + DiskNames.printable(entry.path(), name));
                    excluded.add(name);
                    return;
                }
                String path = directoryPath + "/" + name;
                int bytes = directory.pathBytes() + 1 + name.getBytes(StandardCharsets.UTF_8).length;
                if (bytes > StoragePath.MAX_BYTES) {
                    report.add(Finding.PATH_TOO_LONG, path);
                    excluded.add(name);
                    return;
                }
                BasicFileAttributes attributes;
                try {
                    attributes = Files.readAttributes(entry.path(), BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
                } catch (NoSuchFileException gone) {
                    return;
                } catch (IOException e) {
                    report.add(Finding.UNREADABLE, path);
                    unknown.add(name);
                    return;
                }
                Finding unusable = attributes.isSymbolicLink() ? Finding.SYMLINK
                        : !attributes.isDirectory() && !attributes.isRegularFile() ? Finding.SPECIAL_FILE
                        : attributes.isRegularFile() && directory.depth() == 0 ? Finding.MISPLACED_FILE : null;
                if (unusable != null) {
                    report.add(unusable, path);
                    excluded.add(name);
                    return;
                }
                if (attributes.isRegularFile()) {
                    report.checked(Checked.FILES, 1);
                    report.checked(Checked.BYTES, attributes.size());
                }
                candidates.add(new Candidate(entry, attributes, bytes));
            }

            /** Pairs names on disk with rows of the same name (both in byte order) and decides about each. */
            void merge() throws SQLException, IOException {
                dropIndistinguishable();
                int i = 0;
                int j = 0;
                List<Candidate> unpaired = new ArrayList<>();
                while (i < candidates.size() || j < rows.size()) {
                    int order = i == candidates.size() ? 1 : j == rows.size() ? -1
                            : DiskNames.compare(candidates.get(i).name(), rows.get(j).name());
                    if (order == 0) {
                        both(candidates.get(i++), rows.get(j++));
                    } else if (order < 0) {
                        report.add(Finding.UNINDEXED, directoryPath + "/" + candidates.get(i).name());
                        unpaired.add(candidates.get(i++));
                    } else {
                        rowOnly(rows.get(j++));
                    }
                }
                // after every row's fate is known: a name is added only where no remaining row takes its place
                for (Candidate candidate : unpaired) {
                    unindexed(candidate);
                }
            }

            /**
             * The index compares names ignoring trailing spaces, so of "a" and "a " on disk it can hold one:
             * the one it has a row for, else the first. The others are reported.
             */
            private void dropIndistinguishable() {
                Set<String> rowNames = new HashSet<>();
                for (Row row : rows) {
                    rowNames.add(row.name());
                }
                List<Candidate> kept = new ArrayList<>(candidates.size());
                int start = 0;
                while (start < candidates.size()) {
                    String key = DiskNames.padKey(candidates.get(start).name());
                    int end = start + 1;
                    while (end < candidates.size() && DiskNames.padKey(candidates.get(end).name()).equals(key)) {
                        end++;
                    }
                    Candidate keeper = candidates.get(start);
                    for (int k = start; k < end; k++) {
                        if (rowNames.contains(candidates.get(k).name())) {
                            keeper = candidates.get(k);
                            break;
                        }
                    }
                    for (int k = start; k < end; k++) {
                        Candidate candidate = candidates.get(k);
                        if (candidate == keeper) {
                            kept.add(candidate);
                        } else {
                            report.add(Finding.INVALID_NAME, directoryPath + "/" + candidate.name()
                                    + " (the index cannot tell it from '" + keeper.name() + "')");
                        }
                    }
                    start = end;
                }
                candidates.clear();
                candidates.addAll(kept);
            }

            private void both(Candidate candidate, Row row) throws SQLException, IOException {
                BasicFileAttributes attributes = candidate.attributes();
                String path = directoryPath + "/" + candidate.name();
                if (attributes.isDirectory() && !row.isFile()) {
                    keptRowKeys.add(DiskNames.padKey(row.name()));
                    children.add(directory.child(row.id(), candidate.name(), candidate.entry().path(),
                            candidate.pathBytes(), unit));
                } else if (attributes.isRegularFile() && row.isFile()) {
                    keptRowKeys.add(DiskNames.padKey(row.name()));
                    Instant onDisk = attributes.lastModifiedTime().toInstant().truncatedTo(ChronoUnit.MICROS);
                    Finding mismatch = attributes.size() != row.size() ? Finding.SIZE_MISMATCH
                            : onDisk.isAfter(row.modified().toInstant(ZoneOffset.UTC).plus(MTIME_TOLERANCE))
                            ? Finding.MTIME_MISMATCH : null;
                    if (mismatch != null) {
                        report.add(mismatch, path);
                        if (options.repairs()) {
                            NewRow read = read(candidate, path);
                            if (read != null) {
                                updates.put(row.id(), read);
                            }
                        }
                    }
                } else {
                    report.add(Finding.TYPE_MISMATCH, path);
                    if (options.repairs()) {
                        deletes.add(IndexRows.subtree(c, row.id()));
                        unindexed(candidate);
                    } else {
                        keptRowKeys.add(DiskNames.padKey(row.name()));
                        if (attributes.isDirectory()) {
                            children.add(directory.child(null, candidate.name(), candidate.entry().path(),
                                    candidate.pathBytes(), unit));
                        }
                    }
                }
            }

            /** A row without its file: looked for once more (it may have come after the listing). */
            private void rowOnly(Row row) throws SQLException {
                if (unknown.contains(row.name())) {
                    keptRowKeys.add(DiskNames.padKey(row.name()));
                    return;
                }
                if (!excluded.contains(row.name())
                        && Files.exists(directory.disk().resolve(row.name()), LinkOption.NOFOLLOW_LINKS)) {
                    keptRowKeys.add(DiskNames.padKey(row.name()));
                    return;
                }
                List<List<Long>> subtree = row.isFile() ? List.of(List.of(row.id())) : IndexRows.subtree(c, row.id());
                report.add(Finding.MISSING, directoryPath + "/" + row.name(),
                        subtree.stream().mapToLong(List::size).sum());
                if (options.repairs()) {
                    deletes.add(subtree);
                } else {
                    keptRowKeys.add(DiskNames.padKey(row.name()));
                }
            }

            /** A name on disk without a row: added where rows are written, else walked to report what is below. */
            private void unindexed(Candidate candidate) throws IOException {
                boolean directoryEntry = candidate.attributes().isDirectory();
                if (!options.writes() || directory.rowId() == null
                        || keptRowKeys.contains(DiskNames.padKey(candidate.name()))) {
                    if (directoryEntry) {
                        children.add(directory.child(null, candidate.name(), candidate.entry().path(),
                                candidate.pathBytes(), unit));
                    }
                    return;
                }
                if (directoryEntry) {
                    inserts.add(new NewRow(candidate.name(), directory.depth() == 0 ? "container" : "dir", 0, null,
                            modified(candidate.attributes())));
                    insertedDirectories.put(candidate.name(), candidate);
                } else {
                    NewRow read = read(candidate, directoryPath + "/" + candidate.name());
                    if (read != null) {
                        inserts.add(read);
                    }
                }
            }

            private NewRow read(Candidate candidate, String path) throws IOException {
                try {
                    return fileRow(candidate.entry().path(), candidate.name(), candidate.attributes());
                } catch (NoSuchFileException gone) {
                    return null;
                } catch (IOException e) {
                    report.add(Finding.UNREADABLE, path);
                    return null;
                }
            }

            /**
             * Deletes, then updates, then inserts (a name may move from a removed row to a new one). New files
             * join the unit's batch; the files of earlier slices go in first where rows are removed or changed.
             */
            int write(String after, String upTo) throws SQLException {
                if (!deletes.isEmpty() || !updates.isEmpty()) {
                    insertNewFiles(c);
                }
                long removed = 0;
                for (List<List<Long>> subtree : deletes) {
                    IndexRows.delete(c, subtree);
                    removed += subtree.stream().mapToLong(List::size).sum();
                }
                report.repaired(Repair.ROWS_REMOVED, removed);
                IndexRows.updateFiles(c, updates);
                report.repaired(Repair.ROWS_UPDATED, updates.size());
                long parent = directory.rowId() == null ? 0 : directory.rowId();
                List<NewRow> directories = new ArrayList<>();
                for (NewRow row : inserts) {
                    if (row.isFile()) {
                        newFiles.add(new IndexRows.ChildRow(parent, row));
                    } else {
                        directories.add(row);
                    }
                }
                Map<String, Long> ids = IndexRows.insertDirectories(c, parent, owner, directories, after, upTo);
                report.repaired(Repair.ROWS_ADDED, inserts.size());
                rowsAdded |= !inserts.isEmpty();
                for (Map.Entry<String, Candidate> made : insertedDirectories.entrySet()) {
                    Candidate candidate = made.getValue();
                    children.add(directory.child(ids.get(made.getKey()), candidate.name(), candidate.entry().path(),
                            candidate.pathBytes(), unit));
                }
                children.sort(Comparator.comparing((Pending p) -> p.names().get(p.names().size() - 1),
                        DiskNames.ORDER).reversed());
                children.forEach(stack::push); // the first name ends up on top
                return (int) Math.min(Integer.MAX_VALUE, removed + updates.size() + inserts.size());
            }
        }

        private boolean cleanBound(String name) {
            for (int i = 0; i < name.length(); i++) {
                if (name.charAt(i) < 0x20) {
                    return false;
                }
            }
            return true;
        }
    }
}
