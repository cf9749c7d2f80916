package org.cloudweb.ejb.storage;

import jakarta.annotation.security.PermitAll;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.cloudweb.ejb.job.JobService;
import org.cloudweb.ejb.record.RecordService;

/**
 * A large copy, run in the background after {@link StorageService#copy} has checked the caller, the paths and
 * the quota. One transaction holds the target account's lock while it runs; progress is visible throughout.
 */
@Stateless
@PermitAll
public class CopyJob {

    private static final Logger LOG = Logger.getLogger(CopyJob.class.getName());

    @Inject
    TreeCopier copier;

    @Inject
    JobService jobs;

    @Inject
    RecordService records;

    public void run(long jobId, StoragePath from, StoragePath to) {
        try {
            TreeIndex.Usage copied = copier.copyTree(from, to, done -> jobs.progress(jobId, done));
            records.addFor(jobs.starter(jobId), "fs.copy", from.toString(), 201, "to " + to + ", " + copied.bytes()
                    + " bytes (job " + jobId + ")");
            jobs.finish(jobId, true, copied.objects() + " objects, " + copied.bytes() + " bytes copied to " + to);
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "Copy job {0} failed: {1}", new Object[] {jobId, e.toString()});
            jobs.finish(jobId, false, "The copy failed and was undone");
            throw e;
        }
    }
}
