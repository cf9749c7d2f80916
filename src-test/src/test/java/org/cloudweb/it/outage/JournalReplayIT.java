package org.cloudweb.it.outage;

import static org.junit.jupiter.api.Assertions.assertEquals;

import jakarta.annotation.Resource;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import javax.sql.DataSource;
import org.cloudweb.ejb.outage.JournalEntry;
import org.cloudweb.ejb.outage.JournalReplayer;
import org.cloudweb.it.schema.StorageTreeFixture;
import org.cloudweb.it.support.Deployments;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Inside the server: journal entries replayed into the index, and replayed again (a replay cut short and started
 * over) without a second effect; an entry the index cannot take is recorded as refused and the rest goes on.
 */
@ExtendWith(ArquillianExtension.class)
class JournalReplayIT {

    @Deployment
    static WebArchive deployment() {
        return Deployments.bundleWith(Deployments.class, StorageTreeFixture.class);
    }

    @Resource(lookup = "java:app/jdbc/cloudweb")
    DataSource dataSource;

    @Inject
    JournalReplayer replayer;

    @Inject
    StorageTreeFixture fixture;

    private final String account = "replay" + Long.toHexString(System.nanoTime());
    private final String segment = "0000000000000-" + UUID.randomUUID() + ".journal";
    private long userId;

    @BeforeEach
    void createAccount() throws SQLException {
        userId = fixture.createUser(account);
        fixture.createChain(userId, 0); // the account, container "photos" and a file in it
        update("INSERT INTO quota (user_id) VALUES (?)", userId);
    }

    @AfterEach
    void removeAccount() throws SQLException {
        update("DELETE FROM record WHERE user_id = ?", userId);
        update("DELETE FROM journal_checkpoint WHERE segment = ?", segment);
        fixture.deleteUser(userId);
    }

    @Test
    void everyEntryTakesEffectOnceHoweverOftenItIsReplayed() throws SQLException {
        String photos = "/" + account + "/photos";
        List<JournalEntry> entries = numbered(
                put(photos + "/a", 5, false),
                put(photos + "/d/b", 7, false),
                entry(JournalEntry.GET, photos + "/a", null, false, 200, 5),
                put(photos + "/ünïcödé 😀.txt/x", 3, false), // a file is in the way
                entry(JournalEntry.MKDIR, photos + "/e", null, false, 201, 0),
                entry(JournalEntry.MOVE, photos + "/a", photos + "/e/a", false, 201, 0),
                entry(JournalEntry.DELETE, photos + "/d", null, true, 204, 0));

        assertEquals(0, replayer.checkpoint(segment));
        replayer.applyAll(segment, entries.subList(0, 3));
        replayer.applyAll(segment, entries); // the first three again, as after a replay cut short
        replayer.applyAll(segment, entries);

        assertEquals(7, replayer.checkpoint(segment));
        assertEquals(List.of("5|" + md5Of(5)), rows("SELECT f.size, f.etag FROM stobj f JOIN stobj e ON f.parent_id = e.id"
                + " WHERE e.name = 'e' AND f.name = 'a' AND f.owner_id = ?", userId));
        assertEquals(List.of(), rows("SELECT id FROM stobj WHERE owner_id = ? AND name IN ('d', 'b', 'x')", userId));
        // a (5 bytes) and e remain of what the journal made; d and b came and went
        assertEquals(List.of("5|2"), rows("SELECT used_bytes, used_objects FROM quota WHERE user_id = ?", userId));
        assertEquals(List.of("fs.put|201|journaled", "fs.put|201|journaled", "fs.get|200|journaled",
                        "fs.put|409|journaled, not replayed: A file is in the way: " + photos + "/ünïcödé 😀.txt",
                        "fs.mkdir|201|journaled", "fs.move|201|journaled, to " + photos + "/e/a",
                        "fs.delete|204|journaled, dir, 2 objects"),
                rows("SELECT action, status, detail FROM record WHERE user_id = ? ORDER BY id", userId));
    }

    @Test
    void anUploadWhoseFailedCommitWentThroughIsNotCountedTwice() throws SQLException {
        String file = "/" + account + "/photos/f";
        replayer.checkpoint(segment);
        replayer.applyAll(segment, numbered(put(file, 9, false)));
        // journaled again after a commit that seemed to fail but stored the same file
        replayer.applyAll(segment, List.of(put(file, 9, true).withSeq(2)));

        assertEquals(List.of("9|1"), rows("SELECT used_bytes, used_objects FROM quota WHERE user_id = ?", userId));
        assertEquals(List.of("fs.put"), rows("SELECT action FROM record WHERE user_id = ?", userId));
    }

    private static List<JournalEntry> numbered(JournalEntry... entries) {
        List<JournalEntry> numbered = new ArrayList<>();
        for (JournalEntry entry : entries) {
            numbered.add(entry.withSeq(numbered.size() + 1));
        }
        return numbered;
    }

    private JournalEntry put(String path, long size, boolean afterFailedCommit) {
        return new JournalEntry(0, JournalEntry.PUT, path, null, afterFailedCommit, 201, size, md5Of(size),
                "text/plain", Map.of("k", "v"), Instant.now(), userId, "127.0.0.1");
    }

    private JournalEntry entry(String action, String path, String target, boolean option, int status, long size) {
        return new JournalEntry(0, action, path, target, option, status, size, null, null, null, Instant.now(), userId,
                "127.0.0.1");
    }

    /** A stand-in MD5 per size: the replay takes what the journal says. */
    private static String md5Of(long size) {
        return String.format("%032x", size);
    }

    private void update(String sql, Object... parameters) throws SQLException {
        try (Connection db = dataSource.getConnection(); PreparedStatement statement = db.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                statement.setObject(i + 1, parameters[i]);
            }
            statement.executeUpdate();
        }
    }

    private List<String> rows(String sql, Object... parameters) throws SQLException {
        try (Connection db = dataSource.getConnection(); PreparedStatement statement = db.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                statement.setObject(i + 1, parameters[i]);
            }
            List<String> rows = new ArrayList<>();
            try (ResultSet result = statement.executeQuery()) {
                while (result.next()) {
                    List<String> columns = new ArrayList<>();
                    for (int c = 1; c <= result.getMetaData().getColumnCount(); c++) {
                        columns.add(result.getString(c));
                    }
                    rows.add(String.join("|", columns));
                }
            }
            return rows;
        }
    }
}
