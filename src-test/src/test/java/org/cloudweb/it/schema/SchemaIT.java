package org.cloudweb.it.schema;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.annotation.Resource;
import jakarta.ejb.EJBException;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import javax.sql.DataSource;
import org.cloudweb.it.support.Deployments;
import org.cloudweb.persistence.storage.StorageObjectType;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Runs inside Payara Micro with the bundle deployed: the migration ran at deployment against the real MariaDB,
 * and the storage tree's foreign keys behave as the specification says.
 */
@ExtendWith(ArquillianExtension.class)
class SchemaIT {

    @Deployment
    static WebArchive deployment() {
        return Deployments.bundleWith(StorageTreeFixture.class, Deployments.class);
    }

    @Resource(lookup = "java:app/jdbc/cloudweb")
    DataSource dataSource;

    @Inject
    StorageTreeFixture fixture;

    @Test
    void migrationCreatedTheSchemaAtDeployment() throws SQLException {
        assertEquals(List.of("1|true", "2|true", "3|true", "4|true", "5|true", "6|true", "7|true", "8|true",
                "9|true", "10|true", "11|true", "12|true", "13|true", "14|true", "15|true"),
                rows("SELECT version, success FROM flyway_schema_history"
                        + " WHERE type = 'SQL' ORDER BY installed_rank"));
        assertTrue(rows("SELECT table_name FROM information_schema.tables WHERE table_schema = DATABASE()")
                .containsAll(List.of("user", "token", "stobj", "stobj_meta", "quota", "record", "webconf", "job",
                        "stobj_gram", "gram_pos", "host", "host_cpu", "host_mem", "host_net", "host_disk",
                        "host_mount", "stat_cpu", "stat_mem", "stat_net", "stat_disk", "stat_storage",
                        "stat_proc_io", "stat_cpu_hourly", "stat_mem_hourly", "stat_net_hourly", "stat_disk_hourly",
                        "stat_storage_hourly", "stat_proc_io_hourly", "stat_cpu_5min", "stat_mem_5min",
                        "stat_net_5min", "stat_disk_5min", "stat_storage_5min", "stat_proc_io_5min", "host_status",
                        "host_check", "alert_rule", "alert_event", "stobj_gram_backlog", "stobj_gram_block")));
    }

    @Test
    void seriesTablesStoreCompressedPages() throws SQLException {
        List<String> series = rows("SELECT CONCAT(table_name, ' ', row_format) FROM information_schema.tables"
                + " WHERE table_schema = DATABASE() AND table_name LIKE 'stat\\_%' ORDER BY table_name");
        assertEquals(18, series.size(), "six raw tables, their five-minute and hourly rollups: " + series);
        for (String table : series) {
            assertTrue(table.endsWith(" Compressed"), table);
        }
    }

    @Test
    void foreignKeysCascadeOrKeepAsSpecified() throws SQLException {
        Map<String, String> rules = new TreeMap<>();
        for (String row : rows("SELECT CONCAT(table_name, '.', constraint_name), delete_rule "
                + "FROM information_schema.referential_constraints WHERE constraint_schema = DATABASE()")) {
            String[] parts = row.split("\\|");
            rules.put(parts[0], parts[1]);
        }
        assertEquals("CASCADE", rules.get("stobj.fk_stobj_parent"));
        assertEquals("CASCADE", rules.get("stobj_meta.fk_stobj_meta_stobj"));
        assertEquals("SET NULL", rules.get("record.fk_record_object"), "records outlive objects");
        assertEquals("SET NULL", rules.get("record.fk_record_user"), "records outlive users");
        for (String inventory : List.of("cpu", "mem", "net", "disk", "mount")) {
            assertEquals("CASCADE", rules.get("host_" + inventory + ".fk_host_" + inventory + "_host"),
                    "a host's inventory goes with it");
        }
        assertEquals("CASCADE", rules.get("host_status.fk_host_status_host"), "and its status");
        assertEquals("CASCADE", rules.get("host_check.fk_host_check_host"));
    }

    @Test
    void namesCompareByteWiseAndAreUniquePerParent() throws SQLException {
        assertEquals(List.of("utf8mb4_bin"),
                rows("SELECT collation_name FROM information_schema.columns "
                        + "WHERE table_schema = DATABASE() AND table_name = 'stobj' AND column_name = 'name'"));
        assertEquals(List.of("parent_id,name"),
                rows("SELECT GROUP_CONCAT(column_name ORDER BY seq_in_index) FROM information_schema.statistics "
                        + "WHERE table_schema = DATABASE() AND table_name = 'stobj' AND index_name = 'uq_stobj_parent_name'"));
    }

    @Test
    void deletingTheRootOfASubtreeRemovesItThroughTheForeignKeyCascade() {
        long user = fixture.createUser("cascade-" + System.nanoTime() % 1_000_000);
        try {
            List<Long> chain = fixture.createChain(user, 5);
            assertEquals(chain.size(), fixture.countRows("stobj", "id", chain));
            assertEquals("ünïcödé 😀.txt", fixture.storedName(chain.get(chain.size() - 1)), "names round-trip as UTF-8");

            assertTrue(fixture.countRows("stobj_gram", "stobj_id", chain.subList(1, chain.size())) > 0,
                    "every name of three characters or more has trigrams");

            fixture.delete(chain.get(1)); // the container

            assertEquals(1, fixture.countRows("stobj", "id", chain), "only the account is left");
            assertEquals(0, fixture.countRows("stobj_meta", "stobj_id", chain), "metadata goes with its object");
            assertEquals(0, fixture.countRows("stobj_gram", "stobj_id", List.of(chain.get(1))),
                    "the trigrams of a deleted row go with it");
        } finally {
            fixture.deleteUser(user);
        }
    }

    @Test
    void aParentCannotHoldTwoChildrenOfTheSameNameButCaseMatters() {
        long user = fixture.createUser("unique-" + System.nanoTime() % 1_000_000);
        try {
            long account = fixture.createChain(user, 0).get(0);

            EJBException duplicate = assertThrows(EJBException.class,
                    () -> fixture.createChild(account, "photos", StorageObjectType.CONTAINER));
            assertTrue(rootMessages(duplicate).toLowerCase().contains("duplicate"), rootMessages(duplicate));
            long upperCase = fixture.createChild(account, "Photos", StorageObjectType.CONTAINER);

            assertEquals("Photos", fixture.storedName(upperCase));
        } finally {
            fixture.deleteUser(user);
        }
    }

    private List<String> rows(String sql) throws SQLException {
        List<String> rows = new ArrayList<>();
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(sql);
             ResultSet r = s.executeQuery()) {
            int columns = r.getMetaData().getColumnCount();
            while (r.next()) {
                List<String> values = new ArrayList<>();
                for (int i = 1; i <= columns; i++) {
                    values.add(String.valueOf(r.getObject(i)));
                }
                rows.add(String.join("|", values));
            }
        }
        return rows;
    }

    private static String rootMessages(Throwable t) {
        TreeSet<String> messages = new TreeSet<>();
        for (Throwable cause = t; cause != null; cause = cause.getCause()) {
            messages.add(String.valueOf(cause.getMessage()));
        }
        return String.join(" / ", messages);
    }
}
