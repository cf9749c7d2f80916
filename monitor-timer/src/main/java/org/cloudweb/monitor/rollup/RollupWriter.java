package org.cloudweb.monitor.rollup;

import jakarta.annotation.Resource;
import jakarta.annotation.security.PermitAll;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;
import org.cloudweb.monitor.MonitorException;
import org.cloudweb.monitor.stats.StatKind;

/** Rolls up one hour of one host, all kinds in one short transaction of its own. */
@Stateless
@PermitAll
public class RollupWriter {

    @Resource(lookup = "java:app/jdbc/cloudweb")
    DataSource db;

    /**
     * The time of the first raw sample of a host after its last rolled-up hour (from the cpu series, written at
     * every tick), or null when everything is rolled up. Skips hours without samples, e.g. downtime.
     */
    @TransactionAttribute(TransactionAttributeType.SUPPORTS)
    public Long firstUnrolled(int hostId) {
        try (Connection c = db.getConnection();
             PreparedStatement select = c.prepareStatement("SELECT MIN(time) FROM stat_cpu WHERE host_id = ?"
                     + " AND time >= (SELECT COALESCE(MAX(hour) + 3600, 0) FROM stat_cpu_hourly WHERE host_id = ?)")) {
            select.setInt(1, hostId);
            select.setInt(2, hostId);
            try (ResultSet row = select.executeQuery()) {
                row.next();
                long time = row.getLong(1);
                return row.wasNull() ? null : time;
            }
        } catch (SQLException e) {
            throw new MonitorException("Cannot find the hours to roll up", e);
        }
    }

    /**
     * Computes (or computes again: rows are upserted, so a second run or a second node gives the same rows)
     * the rollups of the hour starting at {@code hour} from its raw samples.
     */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public void rollUp(int hostId, long hour) {
        try (Connection c = db.getConnection()) {
            for (StatKind kind : StatKind.values()) {
                try (PreparedStatement upsert = c.prepareStatement(upsertSql(kind))) {
                    upsert.setLong(1, hour);
                    upsert.setInt(2, hostId);
                    upsert.setLong(3, hour);
                    upsert.setLong(4, hour + Hours.SECONDS);
                    upsert.executeUpdate();
                }
            }
        } catch (SQLException e) {
            throw new MonitorException("Cannot roll up hour " + hour + " of host " + hostId, e);
        }
    }

    /** {@code INSERT … SELECT … GROUP BY … ON DUPLICATE KEY UPDATE} for one kind. */
    static String upsertSql(StatKind kind) {
        String device = kind.deviceColumn();
        List<String> targets = new ArrayList<>(List.of("host_id", "hour"));
        List<String> values = new ArrayList<>(List.of("host_id", "?"));
        if (device != null) {
            targets.add(device);
            values.add(device);
        }
        targets.add("samples");
        values.add("LEAST(COUNT(*), 65535)");
        List<String> updates = new ArrayList<>(List.of("samples = VALUES(samples)"));
        for (String column : kind.columns()) {
            for (String[] stat : new String[][] {{"min", "MIN(%s)"}, {"avg", "ROUND(AVG(%s))"}, {"max", "MAX(%s)"}}) {
                String target = column + "_" + stat[0];
                targets.add(target);
                values.add(String.format(stat[1], column));
                updates.add(target + " = VALUES(" + target + ")");
            }
        }
        // the hour comes as a parameter, not as an expression, so all rows of the range meet in one group
        return "INSERT INTO " + kind.hourlyTable() + " (" + String.join(", ", targets) + ") SELECT "
                + String.join(", ", values).replaceFirst("\\?", "? AS hour") + " FROM " + kind.table()
                + " WHERE host_id = ? AND time >= ? AND time < ? GROUP BY host_id" + (device == null ? "" : ", " + device)
                + " ON DUPLICATE KEY UPDATE " + String.join(", ", updates);
    }
}
