package org.cloudweb.it.record;

import static org.junit.jupiter.api.Assertions.assertEquals;

import jakarta.annotation.Resource;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;
import org.cloudweb.ejb.record.RecordRetention;
import org.cloudweb.it.support.Deployments;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Inside the server: the daily pruning removes exactly the records the retention setting lets go. */
@ExtendWith(ArquillianExtension.class)
class RecordRetentionIT {

    private static final String MARK = "retention-test";

    @Deployment
    static WebArchive deployment() {
        return Deployments.bundleWith(Deployments.class);
    }

    @Resource(lookup = "java:app/jdbc/cloudweb")
    DataSource dataSource;

    @Inject
    RecordRetention retention;

    @Test
    void recordsAreKeptForeverUntilARetentionIsSetThenOnlyOlderOnesGo() throws SQLException {
        insertRecord("ancient", 400 * 24);
        insertRecord("two-hours", 2);
        insertRecord("fresh", 0);

        assertEquals(0, retention.prune(), "no retention setting: records are kept forever");
        assertEquals(List.of("ancient", "two-hours", "fresh"), marked());

        setRetention("PT1H");
        try {
            assertEquals(2, retention.prune());
            assertEquals(List.of("fresh"), marked());
        } finally {
            setRetention(null);
        }
    }

    private void insertRecord(String path, int hoursAgo) throws SQLException {
        try (Connection db = dataSource.getConnection();
             PreparedStatement insert = db.prepareStatement(
                     "INSERT INTO record (time, action, path, status, detail) VALUES (?, 'fs.put', ?, 201, ?)")) {
            insert.setTimestamp(1, Timestamp.valueOf(LocalDateTime.now(ZoneOffset.UTC).minusHours(hoursAgo)));
            insert.setString(2, path);
            insert.setString(3, MARK);
            insert.executeUpdate();
        }
    }

    private List<String> marked() throws SQLException {
        List<String> paths = new ArrayList<>();
        try (Connection db = dataSource.getConnection();
             PreparedStatement query = db.prepareStatement("SELECT path FROM record WHERE detail = ? ORDER BY id")) {
            query.setString(1, MARK);
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    paths.add(rows.getString(1));
                }
            }
        }
        return paths;
    }

    private void setRetention(String value) throws SQLException {
        try (Connection db = dataSource.getConnection()) {
            try (PreparedStatement delete = db.prepareStatement("DELETE FROM webconf WHERE conf_key = 'records.retention'")) {
                delete.executeUpdate();
            }
            if (value != null) {
                try (PreparedStatement insert = db.prepareStatement("INSERT INTO webconf (conf_key, conf_value, updated_at)"
                        + " VALUES ('records.retention', ?, UTC_TIMESTAMP(6))")) {
                    insert.setString(1, value);
                    insert.executeUpdate();
                }
            }
        }
    }
}
