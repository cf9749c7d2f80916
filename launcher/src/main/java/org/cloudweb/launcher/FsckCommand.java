package org.cloudweb.launcher;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.List;
import java.util.OptionalLong;
import java.util.Properties;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.cloudweb.ejb.consistency.CheckMode;
import org.cloudweb.ejb.consistency.CheckOptions;
import org.cloudweb.ejb.consistency.ConsistencyCheck;
import org.cloudweb.ejb.consistency.ConsistencyLock;
import org.cloudweb.ejb.consistency.ConsistencyReport;
import org.cloudweb.ejb.consistency.Finding;
import org.cloudweb.ejb.consistency.Transactions;
import org.cloudweb.ejb.user.AccountNames;
import org.cloudweb.launcher.db.EmbeddedDatabase;

/**
 * {@code java -jar cloudweb.jar fsck [--repair] [--account NAME]}: the consistency check of {@code POST
 * /admin/fsck}, the same code, run against a stopped server. It starts the embedded database on the data
 * directory (or connects to the configured external one), prints the report and exits like fsck(8):
 * {@value #CLEAN} nothing found, {@value #REPAIRED} everything found was repaired, {@value #LEFT} findings are
 * left, {@value #FAILED} the check could not run, {@value #USAGE} wrong arguments.
 */
final class FsckCommand {

    static final int CLEAN = 0;
    static final int REPAIRED = 1;
    static final int LEFT = 4;
    static final int FAILED = 8;
    static final int USAGE = 16;
    static final String USAGE_TEXT = "usage: java -jar cloudweb.jar fsck [--repair] [--account NAME]";

    private static final Logger LOG = Logger.getLogger(FsckCommand.class.getName());
    private static final long PROGRESS_NANOS = 10_000_000_000L;

    private final LauncherConfig config;
    private final PrintStream out;
    private long lastProgress = System.nanoTime();

    FsckCommand(LauncherConfig config, PrintStream out) {
        this.config = config;
        this.out = out;
    }

    /** Runs with the arguments after {@code fsck}; answers the exit status. */
    int run(List<String> arguments) {
        boolean repair = false;
        String account = null;
        for (int i = 0; i < arguments.size(); i++) {
            String argument = arguments.get(i);
            if (argument.equals("--repair")) {
                repair = true;
            } else if (argument.equals("--account") && i + 1 < arguments.size()) {
                account = arguments.get(++i);
            } else if (argument.startsWith("--account=")) {
                account = argument.substring("--account=".length());
            } else {
                out.println(USAGE_TEXT);
                return USAGE;
            }
        }
        if (account != null && AccountNames.problem(account) != null) {
            out.println("'" + account + "' is not an account name: it " + AccountNames.problem(account));
            return USAGE;
        }
        Path data = config.dataDir();
        if (!Files.isDirectory(data)) {
            out.println("There is no data directory at " + data + " (set cloudweb.data.dir / CLOUDWEB_DATA_DIR)");
            return FAILED;
        }
        CheckOptions options = new CheckOptions(account, repair ? CheckMode.REPAIR : CheckMode.CHECK, false);
        try {
            ConsistencyReport report = check(data, options);
            print(data, report);
            return report.findings() == 0 ? CLEAN
                    : repair && report.unrepairable() == 0 ? REPAIRED : LEFT;
        } catch (IOException | SQLException e) {
            LOG.log(Level.SEVERE, "The check stopped: {0}", e.toString());
            out.println("The check stopped: " + e.getMessage() + (repair ? " (what was repaired stays repaired)" : ""));
            return FAILED;
        }
    }

    private ConsistencyReport check(Path data, CheckOptions options) throws IOException, SQLException {
        if (!config.usesEmbeddedDatabase()) {
            return check(data, options, config.dbUrl(), config.dbUser(), config.dbPassword());
        }
        Path directory = data.resolve("db");
        OptionalLong running = EmbeddedDatabase.running(directory);
        if (running.isPresent()) {
            throw new IOException("The database of this data directory is in use (process " + running.getAsLong()
                    + "): stop CloudWeb first");
        }
        try (EmbeddedDatabase database = EmbeddedDatabase.start(directory, config.dbPort())) {
            return check(data, options, database.jdbcUrl(), database.user(), database.password());
        }
    }

    private ConsistencyReport check(Path data, CheckOptions options, String url, String user, String password)
            throws IOException, SQLException {
        Properties properties = new Properties();
        properties.setProperty("user", user);
        properties.setProperty("password", password);
        // as the server's data source: UTF-8, and batches sent as multi-row statements
        properties.setProperty("characterEncoding", "UTF-8");
        properties.setProperty("rewriteBatchedStatements", "true");
        try (Connection connection = DriverManager.getConnection(url, properties)) {
            connection.setTransactionIsolation(Connection.TRANSACTION_READ_COMMITTED);
            if (!ConsistencyLock.acquire(connection)) {
                throw new IOException("Another check or import is running on this database");
            }
            try {
                connection.setAutoCommit(false);
                ConsistencyReport report = new ConsistencyCheck(data, transactions(connection), options,
                        this::progress, null, Runnable::run).run();
                record(connection, options, report);
                return report;
            } finally {
                connection.setAutoCommit(true);
                ConsistencyLock.release(connection);
            }
        }
    }

    /** Each unit of the check commits on the one connection; a failed one is rolled back. */
    private static Transactions transactions(Connection connection) {
        return new Transactions() {
            @Override
            public <T> T run(Work<T> work) throws SQLException, IOException {
                try {
                    T result = work.run(connection);
                    connection.commit();
                    return result;
                } catch (SQLException | IOException | RuntimeException e) {
                    connection.rollback();
                    throw e;
                }
            }
        };
    }

    /** The run goes into the audit trail like one started through the API, without a user. */
    private static void record(Connection connection, CheckOptions options, ConsistencyReport report)
            throws SQLException {
        String detail = "command line: " + report.summary();
        try (PreparedStatement insert = connection.prepareStatement("INSERT INTO record (time, action, path, status,"
                + " detail) VALUES (UTC_TIMESTAMP(6), 'admin.fsck', ?, 200, ?)")) {
            insert.setString(1, options.account() == null ? "/" : "/" + options.account());
            insert.setString(2, detail.length() <= 255 ? detail : detail.substring(0, 254) + "…");
            insert.executeUpdate();
        }
        connection.commit();
    }

    private void progress(long done, long total) {
        long now = System.nanoTime();
        if (now - lastProgress >= PROGRESS_NANOS) {
            lastProgress = now;
            LOG.log(Level.INFO, "fsck: {0} of {1} entries", new Object[] {done, total});
        }
    }

    private void print(Path data, ConsistencyReport report) {
        out.println(data + ": " + report.summary());
        for (Finding kind : Finding.values()) {
            long count = report.count(kind);
            if (count == 0) {
                continue;
            }
            out.printf("  %-22s %9d%s%n", kind.label(), count, kind.repairable() ? "" : "  (not repaired)");
            for (String example : report.examples(kind)) {
                out.println("      " + example);
            }
        }
    }
}
