package org.cloudweb.ejb.consistency;

import jakarta.annotation.Resource;
import jakarta.annotation.security.PermitAll;
import jakarta.ejb.EJBException;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.inject.Inject;
import java.io.IOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.logging.Level;
import java.util.logging.Logger;
import javax.sql.DataSource;
import org.cloudweb.ejb.data.DataDirectory;
import org.cloudweb.ejb.job.JobService;
import org.cloudweb.ejb.record.RecordService;
import org.cloudweb.ejb.schema.SchemaMigrator;

/**
 * A check or import running in the background after {@link ConsistencyService} has checked the caller and the
 * request. It holds the {@link ConsistencyLock} throughout on a connection outside any transaction; the work
 * itself commits unit by unit, so progress and repairs are visible while it runs.
 */
@Stateless
@PermitAll
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class ConsistencyJob {

    private static final Logger LOG = Logger.getLogger(ConsistencyJob.class.getName());

    @Resource(lookup = SchemaMigrator.DATA_SOURCE)
    DataSource db;

    @Inject
    DataDirectory data;

    @Inject
    JobService jobs;

    @Inject
    SqlUnits units;

    @Resource
    ManagedExecutorService executor;

    @Inject
    ImportedAccounts accounts;

    @Inject
    RecordService records;

    public void run(long jobId, CheckOptions options) {
        String action = options.mode() == CheckMode.IMPORT ? "admin.import" : "admin.fsck";
        String path = options.account() == null ? "/" : "/" + options.account();
        Long starter = jobs.starter(jobId);
        try (Connection lock = db.getConnection()) {
            if (!ConsistencyLock.acquire(lock)) {
                jobs.finish(jobId, false, "Another check or import is running");
                return;
            }
            try {
                ConsistencyReport report = new ConsistencyCheck(data.root(), units::run, options,
                        (done, total) -> jobs.progress(jobId, done, total), name -> create(name, starter), executor).run();
                records.addFor(starter, action, path, 200, report.summary());
                jobs.finish(jobId, true, report.summary(), report.toJson());
            } finally {
                ConsistencyLock.release(lock);
            }
        } catch (SQLException | IOException | RuntimeException e) {
            // the details name files and statements: they go to the log, the job says only that it failed
            LOG.log(Level.WARNING, "Job " + jobId + " (" + options.mode().label() + " of " + path + ") failed", e);
            records.addFor(starter, action, path, 500, "failed (job " + jobId + ")");
            jobs.finish(jobId, false, "The " + options.mode().label() + " stopped on an error; what it repaired "
                    + "before stays repaired, and running it again goes on from there. See the server log.");
        }
    }

    private Long create(String name, Long starter) {
        try {
            return accounts.create(name, starter);
        } catch (EJBException raced) {
            LOG.log(Level.INFO, "Import: no user made for {0}: {1}", new Object[] {name, raced.toString()});
            return null;
        }
    }
}
