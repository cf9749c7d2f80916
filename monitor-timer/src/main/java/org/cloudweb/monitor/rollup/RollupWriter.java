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
import java.util.function.Function;
import javax.sql.DataSource;
import org.cloudweb.monitor.MonitorException;
import org.cloudweb.monitor.stats.StatKind;

/** Rolls up one hour, or five minutes, of one host: all kinds in one short transaction of its own. */
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
        return firstAfter(hostId, StatKind.CPU.hourlyTable(), "hour", Hours.SECONDS);
    }

    /** As {@link #firstUnrolled}, for the five-minute rollups. */
    @TransactionAttribute(TransactionAttributeType.SUPPORTS)
    public Long firstUnrolledFiveMinutes(int hostId) {
        return firstAfter(hostId, StatKind.CPU.fiveMinuteTable(), "minute", FiveMinutes.SECONDS);
    }

    private Long firstAfter(int hostId, String rollups, String timeColumn, long width) {
        try (Connection c = db.getConnection();
             PreparedStatement select = c.prepareStatement("SELECT MIN(time) FROM stat_cpu WHERE host_id = ?"
                     + " AND time >= (SELECT COALESCE(MAX(" + timeColumn + ") + " + width + ", 0) FROM " + rollups
                     + " WHERE host_id = ?)")) {
            select.setInt(1, hostId);
            select.setInt(2, hostId);
            try (ResultSet row = select.executeQuery()) {
                row.next();
                long time = row.getLong(1);
                return row.wasNull() ? null : time;
            }
        } catch (SQLException e) {
            throw new MonitorException("Cannot find what to roll up", e);
        }
    }

    /**
     * Computes (or computes again: rows are upserted, so a second run or a second node gives the same rows)
     * the rollups of the hour starting at {@code hour} from its raw samples.
     */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public void rollUp(int hostId, long hour) {
        upsert(hostId, hour, Hours.SECONDS, RollupWriter::upsertSql);
    }

    /** As {@link #rollUp}, the five-minute rollups of the five minutes starting at {@code start}. */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public void rollUpFiveMinutes(int hostId, long start) {
        upsert(hostId, start, FiveMinutes.SECONDS, RollupWriter::fiveMinuteUpsertSql);
    }

    private void upsert(int hostId, long start, long width, Function<StatKind, String> sql) {
        try (Connection c = db.getConnection()) {
            for (StatKind kind : StatKind.values()) {
                try (PreparedStatement upsert = c.prepareStatement(sql.apply(kind))) {
                    upsert.setLong(1, start);
                    upsert.setInt(2, hostId);
                    upsert.setLong(3, start);
                    upsert.setLong(4, start + width);
                    upsert.executeUpdate();
                }
            }
        } catch (SQLException e) {
            throw new MonitorException("Cannot roll up " + width + " s from " + start + " of host " + hostId, e);
        }
    }

    /** {@code INSERT … SELECT … GROUP BY … ON DUPLICATE KEY UPDATE} of an hour for one kind. */
    static String upsertSql(StatKind kind) {
        return upsertSql(kind, kind.hourlyTable(), "hour",
                new String[][] {{"min", "MIN(%s)"}, {"avg", "ROUND(AVG(%s))"}, {"max", "MAX(%s)"}});
    }

    /** {@code INSERT … SELECT … GROUP BY … ON DUPLICATE KEY UPDATE} of five minutes for one kind. */
    static String fiveMinuteUpsertSql(StatKind kind) {
        return upsertSql(kind, kind.fiveMinuteTable(), "minute",
                new String[][] {{"min", "MIN(%s)"}, {"sum", "SUM(%s)"}, {"max", "MAX(%s)"}});
    }

    /**
     * Its parameters: the start of the range (as the rollup's time), the host, the range [start, end).
     *
     * @param stats per value: the suffix of the rollup column and the aggregate computing it
     */
    private static String upsertSql(StatKind kind, String table, String timeColumn, String[][] stats) {
        String device = kind.deviceColumn();
        List<String> targets = new ArrayList<>(List.of("host_id", timeColumn));
        List<String> values = new ArrayList<>(List.of("host_id", "? AS " + timeColumn));
        if (device != null) {
            targets.add(device);
            values.add(device);
        }
        targets.add("samples");
        values.add("LEAST(COUNT(*), 65535)");
        List<String> updates = new ArrayList<>(List.of("samples = VALUES(samples)"));
        for (String column : kind.columns()) {
            for (String[] stat : stats) {
                String target = column + "_" + stat[0];
                targets.add(target);
                values.add(String.format(stat[1], column));
                updates.add(target + " = VALUES(" + target + ")");
            }
        }
        // the start comes as a parameter, not as an expression, so all rows of the range meet in one group
        return "INSERT INTO " + table + " (" + String.join(", ", targets) + ") SELECT " + String.join(", ", values)
                + " FROM " + kind.table() + " WHERE host_id = ? AND time >= ? AND time < ? GROUP BY host_id"
                + (device == null ? "" : ", " + device) + " ON DUPLICATE KEY UPDATE " + String.join(", ", updates);
    }
}
