package org.cloudweb.monitor.status;

import jakarta.annotation.Resource;
import jakarta.annotation.security.DeclareRoles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;
import org.cloudweb.ejb.config.MonitorCheck;
import org.cloudweb.ejb.error.NotFoundException;
import org.cloudweb.ejb.security.Roles;
import org.cloudweb.monitor.MonitorException;

/** The status of any host, as its own node last wrote it, for administrators. */
@Stateless
@DeclareRoles({Roles.ADMIN, Roles.USER})
@RolesAllowed(Roles.ADMIN)
@TransactionAttribute(TransactionAttributeType.SUPPORTS)
public class HostStatusService {

    /** Rounds older than this many periods make a status stale. */
    static final int STALE_PERIODS = 3;

    @Resource(lookup = "java:app/jdbc/cloudweb")
    DataSource db;

    /** @throws NotFoundException if there is no such host */
    public HostStatus get(int hostId) {
        try (Connection c = db.getConnection()) {
            HostStatus status;
            try (PreparedStatement select = c.prepareStatement("SELECT h.available, s.checked_at, s.check_millis,"
                    + " s.data_dir_ok, s.data_dir_free_bytes, s.data_dir_detail, s.time_synced, s.time_offset_us,"
                    + " s.time_max_error_us, s.time_est_error_us, s.db_skew_ms, s.time_detail"
                    + " FROM host h LEFT JOIN host_status s ON s.host_id = h.id WHERE h.id = ?")) {
                select.setInt(1, hostId);
                try (ResultSet row = select.executeQuery()) {
                    if (!row.next()) {
                        throw new NotFoundException("No host " + hostId);
                    }
                    Instant checkedAt = instant(row.getTimestamp(2));
                    boolean stale = !row.getBoolean(1) || isStale(checkedAt, Instant.now());
                    status = new HostStatus(hostId, checkedAt, stale, nullableLong(row, 3), checks(c, hostId),
                            new HostStatus.DataDir(nullableBoolean(row, 4), nullableLong(row, 5), row.getString(6)),
                            new HostStatus.Time(nullableBoolean(row, 7), nullableLong(row, 8), nullableLong(row, 9),
                                    nullableLong(row, 10), nullableLong(row, 11), row.getString(12)));
                }
            }
            return status;
        } catch (SQLException e) {
            throw new MonitorException("Cannot read the status of host " + hostId, e);
        }
    }

    static boolean isStale(Instant checkedAt, Instant now) {
        return checkedAt == null || checkedAt.isBefore(now.minus(StatusChecker.PERIOD.multipliedBy(STALE_PERIODS)));
    }

    private static List<HostStatus.Check> checks(Connection c, int hostId) throws SQLException {
        List<HostStatus.Check> checks = new ArrayList<>();
        try (PreparedStatement select = c.prepareStatement(
                "SELECT name, ok, detail, checked_at FROM host_check WHERE host_id = ? ORDER BY name")) {
            select.setInt(1, hostId);
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    String name = rows.getString(1);
                    String kind = null;
                    String target = name;
                    try {
                        MonitorCheck check = MonitorCheck.parse(name);
                        kind = check.kind();
                        target = check.target();
                    } catch (IllegalArgumentException e) {
                        // a row written under other rules: shown by its name alone
                    }
                    checks.add(new HostStatus.Check(name, kind, target, rows.getBoolean(2), rows.getString(3),
                            instant(rows.getTimestamp(4))));
                }
            }
        }
        return checks;
    }

    private static Long nullableLong(ResultSet row, int column) throws SQLException {
        long value = row.getLong(column);
        return row.wasNull() ? null : value;
    }

    private static Boolean nullableBoolean(ResultSet row, int column) throws SQLException {
        boolean value = row.getBoolean(column);
        return row.wasNull() ? null : value;
    }

    private static Instant instant(Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toInstant();
    }
}
