package org.cloudweb.monitor.status;

import jakarta.annotation.Resource;
import jakarta.annotation.security.PermitAll;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Instant;
import java.util.Collections;
import java.util.List;
import javax.sql.DataSource;
import org.cloudweb.monitor.MonitorException;

/** Writes a check round's results into {@code host_status} and {@code host_check}, and reads the database clock. */
@Stateless
@PermitAll
public class HostStatusStore {

    private static final int DETAIL = 255;

    @Resource(lookup = "java:app/jdbc/cloudweb")
    DataSource db;

    /**
     * How far the database's clock is ahead of this node's (negative: behind), in milliseconds: its UTC time
     * against the midpoint of the round trip, the shorter of two round trips (the first may pay for the
     * statement's preparation).
     */
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    public long databaseSkewMillis() {
        try (Connection c = db.getConnection();
             PreparedStatement select = c.prepareStatement(
                     "SELECT TIMESTAMPDIFF(MICROSECOND, '1970-01-01 00:00:00', UTC_TIMESTAMP(6))")) {
            long bestRoundTrip = Long.MAX_VALUE;
            long skewMicros = 0;
            for (int i = 0; i < 2; i++) {
                long before = micros(Instant.now());
                long database;
                try (ResultSet row = select.executeQuery()) {
                    row.next();
                    database = row.getLong(1);
                }
                long after = micros(Instant.now());
                if (after - before < bestRoundTrip) {
                    bestRoundTrip = after - before;
                    skewMicros = database - (before + (after - before) / 2);
                }
            }
            return Math.round(skewMicros / 1000.0);
        } catch (SQLException e) {
            throw new MonitorException("Cannot read the database clock", e);
        }
    }

    /** Stores a round: the host's status row, one row per check, and no rows of checks no longer configured. */
    public void write(int hostId, Instant checkedAt, long millis, DataDirState dataDir, ClockState clock,
                      Long dbSkewMillis, List<CheckResult> checks) {
        Timestamp at = Timestamp.from(checkedAt);
        try (Connection c = db.getConnection()) {
            try (PreparedStatement upsert = c.prepareStatement("INSERT INTO host_status (host_id, checked_at,"
                    + " check_millis, data_dir_ok, data_dir_free_bytes, data_dir_detail, time_synced, time_offset_us,"
                    + " time_max_error_us, time_est_error_us, time_detail, db_skew_ms)"
                    + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON DUPLICATE KEY UPDATE"
                    + " checked_at = VALUES(checked_at), check_millis = VALUES(check_millis),"
                    + " data_dir_ok = VALUES(data_dir_ok), data_dir_free_bytes = VALUES(data_dir_free_bytes),"
                    + " data_dir_detail = VALUES(data_dir_detail), time_synced = VALUES(time_synced),"
                    + " time_offset_us = VALUES(time_offset_us), time_max_error_us = VALUES(time_max_error_us),"
                    + " time_est_error_us = VALUES(time_est_error_us), time_detail = VALUES(time_detail),"
                    + " db_skew_ms = VALUES(db_skew_ms)")) {
                upsert.setInt(1, hostId);
                upsert.setTimestamp(2, at);
                upsert.setLong(3, Math.min(millis, 0xFFFF_FFFFL));
                upsert.setBoolean(4, dataDir.ok());
                setLong(upsert, 5, dataDir.freeBytes());
                upsert.setString(6, clip(dataDir.detail()));
                if (clock.synchronised() == null) {
                    upsert.setNull(7, Types.BOOLEAN);
                } else {
                    upsert.setBoolean(7, clock.synchronised());
                }
                setLong(upsert, 8, clock.offsetMicros());
                setLong(upsert, 9, clock.maxErrorMicros());
                setLong(upsert, 10, clock.estErrorMicros());
                upsert.setString(11, clip(clock.detail()));
                if (dbSkewMillis == null) {
                    upsert.setNull(12, Types.INTEGER);
                } else {
                    upsert.setLong(12, Math.max(Integer.MIN_VALUE, Math.min(Integer.MAX_VALUE, dbSkewMillis)));
                }
                upsert.executeUpdate();
            }
            if (!checks.isEmpty()) {
                try (PreparedStatement upsert = c.prepareStatement("INSERT INTO host_check (host_id, name, ok,"
                        + " detail, checked_at) VALUES (?, ?, ?, ?, ?) ON DUPLICATE KEY UPDATE ok = VALUES(ok),"
                        + " detail = VALUES(detail), checked_at = VALUES(checked_at)")) {
                    for (CheckResult check : checks) {
                        upsert.setInt(1, hostId);
                        upsert.setString(2, check.name());
                        upsert.setBoolean(3, check.ok());
                        upsert.setString(4, clip(check.detail()));
                        upsert.setTimestamp(5, at);
                        upsert.addBatch();
                    }
                    upsert.executeBatch();
                }
            }
            String kept = String.join(", ", Collections.nCopies(checks.size(), "?"));
            try (PreparedStatement delete = c.prepareStatement("DELETE FROM host_check WHERE host_id = ?"
                    + (checks.isEmpty() ? "" : " AND name NOT IN (" + kept + ")"))) {
                delete.setInt(1, hostId);
                for (int i = 0; i < checks.size(); i++) {
                    delete.setString(i + 2, checks.get(i).name());
                }
                delete.executeUpdate();
            }
        } catch (SQLException e) {
            throw new MonitorException("Cannot store the status of host " + hostId, e);
        }
    }

    private static void setLong(PreparedStatement statement, int index, Long value) throws SQLException {
        if (value == null) {
            statement.setNull(index, Types.BIGINT);
        } else {
            statement.setLong(index, value);
        }
    }

    private static String clip(String detail) {
        return detail == null || detail.length() <= DETAIL ? detail : detail.substring(0, DETAIL - 1) + "…";
    }

    private static long micros(Instant instant) {
        return instant.getEpochSecond() * 1_000_000 + instant.getNano() / 1000;
    }
}
