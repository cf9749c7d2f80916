package org.cloudweb.ejb.schema;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.annotation.sql.DataSourceDefinition;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.TransactionManagement;
import jakarta.ejb.TransactionManagementType;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.metamodel.EntityType;
import java.sql.Connection;
import java.util.logging.Level;
import java.util.logging.Logger;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.output.MigrateResult;

/**
 * Brings the schema up to date with the versioned migrations in {@code db/migration} when the application is
 * deployed, then checks that every entity mapping matches the tables. Other start-up beans that use the
 * database declare {@code @DependsOn("SchemaMigrator")}. Flyway serialises concurrent nodes with a database
 * lock, so several nodes may start at once.
 */
@DataSourceDefinition(
        name = SchemaMigrator.DATA_SOURCE,
        className = "com.mysql.cj.jdbc.MysqlDataSource",
        url = "${MPCONFIG=cloudweb.db.url}",
        user = "${MPCONFIG=cloudweb.db.user}",
        password = "${MPCONFIG=cloudweb.db.password}",
        minPoolSize = 2,
        maxPoolSize = 64,
        // each statement sees what has committed: after waiting for an account lock, the tree as it now is
        isolationLevel = Connection.TRANSACTION_READ_COMMITTED,
        // the driver parses every statement it prepares unless told to keep what it parsed; it also opens a
        // tracing span per statement whenever it finds OpenTelemetry (Payara has it), which nobody collects here
        properties = {"characterEncoding=UTF-8", "connectTimeout=5000", "cachePrepStmts=true",
                "prepStmtCacheSize=500", "prepStmtCacheSqlLimit=4096", "useLocalSessionState=true",
                "cacheServerConfiguration=true", "rewriteBatchedStatements=true", "openTelemetry=DISABLED",
                // after the database was away, pooled connections are dead: a checkout validates a connection
                // idle for over 2 s, and one failure drops them all (Payara's pool; other servers ignore these)
                "fish.payara.is-connection-validation-required=true",
                "fish.payara.connection-validation-method=custom-validation",
                "fish.payara.validation-classname=org.glassfish.api.jdbc.validation.MySQLConnectionValidation",
                "fish.payara.validate-atmost-once-period-in-seconds=2",
                "fish.payara.fail-all-connections=true"})
@Singleton
@Startup
// Flyway commits its own DDL transactions; a container transaction around it would forbid that.
@TransactionManagement(TransactionManagementType.BEAN)
public class SchemaMigrator {

    /** JNDI name of the application's data source, shared by the persistence unit and health checks. */
    public static final String DATA_SOURCE = "java:app/jdbc/cloudweb";

    private static final Logger LOG = Logger.getLogger(SchemaMigrator.class.getName());

    @Resource(lookup = DATA_SOURCE)
    private DataSource dataSource;

    @PersistenceContext
    private EntityManager em;

    @PostConstruct
    void migrate() {
        MigrateResult result = Flyway.configure(SchemaMigrator.class.getClassLoader())
                .dataSource(dataSource)
                .locations("classpath:db/migration")
                .load()
                .migrate();
        LOG.log(Level.INFO, "Database schema at version {0} ({1} migration(s) applied now)",
                new Object[] {result.targetSchemaVersion != null ? result.targetSchemaVersion : result.initialSchemaVersion,
                    result.migrationsExecuted});
        validateMappings();
    }

    /** Reads one row of each entity, which fails at deployment if a mapped column or table is missing. */
    private void validateMappings() {
        for (EntityType<?> entity : em.getMetamodel().getEntities()) {
            em.createQuery("SELECT e FROM " + entity.getName() + " e", entity.getJavaType())
                    .setMaxResults(1)
                    .getResultList();
        }
        LOG.log(Level.FINE, "Validated {0} entity mappings against the schema", em.getMetamodel().getEntities().size());
    }
}
