package org.cloudweb.ejb.consistency;

import jakarta.annotation.Resource;
import jakarta.annotation.security.DeclareRoles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Stateless;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.inject.Inject;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import javax.sql.DataSource;
import org.cloudweb.ejb.data.DataDirectory;
import org.cloudweb.ejb.error.BadRequestException;
import org.cloudweb.ejb.error.ConflictException;
import org.cloudweb.ejb.error.NotFoundException;
import org.cloudweb.ejb.job.JobService;
import org.cloudweb.ejb.schema.SchemaMigrator;
import org.cloudweb.ejb.security.Roles;
import org.cloudweb.ejb.user.AccountNames;

/**
 * Starts consistency checks ({@code fsck}) and imports in place as jobs, for administrators. Everything about
 * the request is checked before a job exists: a bad request starts nothing.
 */
@Stateless
@DeclareRoles({Roles.ADMIN, Roles.USER})
@RolesAllowed(Roles.ADMIN)
public class ConsistencyService {

    @Resource(lookup = SchemaMigrator.DATA_SOURCE)
    DataSource db;

    @Inject
    DataDirectory data;

    @Inject
    JobService jobs;

    @Inject
    ConsistencyJob job;

    @Resource
    ManagedExecutorService executor;

    /** Checks one account (or all, if null) and, with {@code repair}, fixes the index; answers the job id. */
    public long check(String account, boolean repair) {
        return start("fsck", new CheckOptions(account, repair ? CheckMode.REPAIR : CheckMode.CHECK, false));
    }

    /** Indexes what sits under the data directory for one account (or all); answers the job id. */
    public long importTree(String account, boolean createUsers) {
        return start("import", new CheckOptions(account, CheckMode.IMPORT, createUsers));
    }

    private long start(String kind, CheckOptions options) {
        String account = options.account();
        if (account != null) {
            String problem = AccountNames.problem(account);
            if (problem != null) {
                throw new BadRequestException("invalid_name", "The account name " + problem);
            }
        }
        try (Connection connection = db.getConnection()) {
            if (account != null && !Files.exists(data.account(account), LinkOption.NOFOLLOW_LINKS)
                    && !known(connection, account)) {
                throw new NotFoundException("No account " + account + " in the data directory or the index");
            }
            if (!ConsistencyLock.isFree(connection)) {
                throw new ConflictException("A check or import is already running");
            }
        } catch (SQLException e) {
            throw new ConsistencyException("Cannot look at the index", e);
        }
        long id = jobs.start(kind, 0);
        executor.submit(() -> job.run(id, options));
        return id;
    }

    private static boolean known(Connection connection, String account) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement("SELECT 1 FROM stobj WHERE parent_id IS NULL"
                + " AND name = ? UNION ALL SELECT 1 FROM user WHERE name = ?")) {
            select.setString(1, account);
            select.setString(2, account);
            try (ResultSet row = select.executeQuery()) {
                return row.next();
            }
        }
    }
}
