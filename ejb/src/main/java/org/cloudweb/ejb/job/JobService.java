package org.cloudweb.ejb.job;

import jakarta.annotation.security.DeclareRoles;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import org.cloudweb.ejb.error.NotFoundException;
import org.cloudweb.ejb.security.Caller;
import org.cloudweb.ejb.security.ResourceFirewall;
import org.cloudweb.ejb.security.Roles;
import org.cloudweb.persistence.job.Job;
import org.cloudweb.persistence.user.User;

/**
 * Jobs and their progress. Progress and outcome are written in transactions of their own, so they are
 * visible while the job's work is still running (or has rolled back).
 */
@Stateless
@DeclareRoles({Roles.ADMIN, Roles.USER})
public class JobService {

    @PersistenceContext
    EntityManager em;

    @Inject
    ResourceFirewall firewall;

    /** A new running job of the current caller. */
    @PermitAll
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public long start(String kind, long total) {
        Caller caller = firewall.caller();
        Long userId = caller.isAnonymous() ? null : em.createNamedQuery(User.ID_BY_NAME, Long.class)
                .setParameter("name", caller.name()).getResultStream().findFirst().orElse(null);
        Job job = new Job(userId, kind, total);
        em.persist(job);
        em.flush();
        return job.getId();
    }

    @PermitAll
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public void progress(long id, long done) {
        Job job = em.find(Job.class, id);
        if (job != null) {
            job.setDone(done);
        }
    }

    /** Progress of a job whose total is known only once it runs (e.g. after counting what there is). */
    @PermitAll
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public void progress(long id, long done, long total) {
        Job job = em.find(Job.class, id);
        if (job != null) {
            job.setTotal(total);
            job.setDone(done);
        }
    }

    @PermitAll
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public void finish(long id, boolean success, String result) {
        finish(id, success, result, null);
    }

    /** Ends a job with a one-line result and, for jobs that have one, a report (a JSON object). */
    @PermitAll
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public void finish(long id, boolean success, String result, String report) {
        Job job = em.find(Job.class, id);
        if (job != null) {
            if (success) {
                job.setDone(job.getTotal());
            }
            job.finish(success ? Job.DONE : Job.FAILED, result);
            job.setReport(report);
        }
    }

    /** The id of the user who started a job (null if unknown), for work that runs outside their request. */
    @PermitAll
    public Long starter(long id) {
        Job job = em.find(Job.class, id);
        return job == null ? null : job.getUserId();
    }

    /** A job, for the user who started it and for administrators. */
    @RolesAllowed(Roles.USER)
    public Job get(long id) {
        Job job = em.find(Job.class, id);
        Caller caller = firewall.requireSignedIn();
        boolean mine = job != null && job.getUserId() != null && em.find(User.class, job.getUserId()) != null
                && em.find(User.class, job.getUserId()).getName().equals(caller.name());
        if (job == null || !(mine || caller.admin())) {
            throw new NotFoundException("No job " + id);
        }
        return job;
    }
}
