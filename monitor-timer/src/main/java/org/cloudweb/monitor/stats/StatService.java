package org.cloudweb.monitor.stats;

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
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.cloudweb.ejb.error.BadRequestException;
import org.cloudweb.ejb.error.NotFoundException;
import org.cloudweb.ejb.security.Roles;
import org.cloudweb.monitor.MonitorException;

/**
 * Series of a host for administrators, from raw samples, five-minute or hourly rollups, every sample or in buckets
 * (see {@link StatResolution}); a range answers at most {@value #MAX_ROWS} rows. One connection and one statement
 * read ranges of the tables' clustered keys (host, time); buckets are combined by the database. Buckets of
 * five-minute rollups take the rollups in the range as they are and the raw samples around them (the newest
 * minutes, not rolled up yet), asked in one more statement first. Whether the host exists is asked only when the
 * range has no rows, and device names only when there are some.
 */
@Stateless
@DeclareRoles({Roles.ADMIN, Roles.USER})
@RolesAllowed(Roles.ADMIN)
@TransactionAttribute(TransactionAttributeType.SUPPORTS)
public class StatService {

    static final int MAX_ROWS = 10_000;
    static final Duration DEFAULT_RANGE = Duration.ofHours(1);

    @Resource(lookup = "java:app/jdbc/cloudweb")
    DataSource db;

    /**
     * @param kind the API name of a series kind
     * @param from start (inclusive); null is {@code to} minus one hour
     * @param to   end (exclusive); null is now
     * @param step the bucket width (see {@link StatResolution}), or null
     * @throws NotFoundException   for an unknown host or kind
     * @throws BadRequestException if {@code from} is not before {@code to}, or for a step the range cannot give
     */
    public StatSeries series(int hostId, String kind, Instant from, Instant to, Duration step) {
        StatKind statKind = StatKind.named(kind)
                .orElseThrow(() -> new NotFoundException("No series kind '" + abbreviate(kind) + "'"));
        Instant end = to != null ? to : Instant.now();
        Instant start = from != null ? from : end.minus(DEFAULT_RANGE);
        if (!start.isBefore(end)) {
            throw new BadRequestException("from must be before to");
        }
        StatResolution resolution;
        try {
            resolution = StatResolution.choose(step, start, end);
        } catch (IllegalArgumentException e) {
            throw new BadRequestException(e.getMessage());
        }
        String device = statKind.deviceColumn();
        long startSecond = Math.max(0, start.getEpochSecond());
        long endSecond = Math.max(0, end.getEpochSecond() + (end.getNano() > 0 ? 1 : 0));
        if (!resolution.everySample()) {
            startSecond -= startSecond % resolution.stepSeconds(); // whole buckets, aligned on multiples of the step
        }
        List<String> columns = resolution.everySample() ? statKind.columns() : bucketColumns(statKind);
        try (Connection c = db.getConnection()) {
            Map<Integer, List<long[]>> points = new LinkedHashMap<>();
            int rows = 0;
            boolean truncated = false;
            int width = 2 + columns.size();
            try (PreparedStatement select = prepare(c, statKind, resolution, hostId, startSecond, endSecond)) {
                try (ResultSet r = select.executeQuery()) {
                    List<long[]> last = null;
                    int lastDevice = -1;
                    while (r.next()) {
                        if (++rows > MAX_ROWS) {
                            truncated = true;
                            break;
                        }
                        long[] point = new long[width];
                        point[0] = r.getLong(1);
                        point[1] = r.getLong(2);
                        for (int i = 2; i < width; i++) {
                            point[i] = r.getLong(i + 2);
                        }
                        int number = r.getInt(3);
                        if (last == null || number != lastDevice) {
                            last = points.computeIfAbsent(number, d -> new ArrayList<>());
                            lastDevice = number;
                        }
                        last.add(point);
                    }
                }
            }
            if (rows == 0 && !hostExists(c, hostId)) { // a host without rows in the range: is it a host?
                throw new NotFoundException("No host " + hostId);
            }
            Map<Integer, String> names = device == null || points.isEmpty() ? Map.of()
                    : deviceNames(c, statKind, hostId);
            List<StatSeries.Series> series = new ArrayList<>();
            points.forEach((number, list) -> series.add(new StatSeries.Series(
                    device == null || number == 0 ? "total" : names.getOrDefault(number, "#" + number), list)));
            return new StatSeries(hostId, statKind.apiName(), start, end, resolution.source().apiName(),
                    resolution.everySample() ? null : resolution.stepSeconds(), columns, series, truncated);
        } catch (SQLException e) {
            throw new MonitorException("Cannot read the " + statKind.apiName() + " series", e);
        }
    }

    /**
     * The statement of a range, with its parameters set. Its columns: time or bucket start, seq or samples, device
     * number (0 for per-host kinds), then the values in the order of the answer's columns.
     */
    private static PreparedStatement prepare(Connection c, StatKind kind, StatResolution resolution, int hostId,
                                             long startSecond, long endSecond) throws SQLException {
        long[] parameters;
        String sql;
        if (resolution.everySample()) {
            sql = everySampleSql(kind);
            parameters = new long[] {hostId, startSecond, endSecond};
        } else if (resolution.source() == StatResolution.Source.FIVE_MINUTES) {
            long[] rolledUp = rolledUp(c, kind, hostId, startSecond, endSecond);
            sql = fiveMinuteBucketSql(kind, resolution.stepSeconds());
            parameters = new long[] {hostId, rolledUp[0], rolledUp[1], hostId, startSecond, endSecond, rolledUp[0],
                rolledUp[1]};
        } else {
            sql = bucketSql(kind, resolution);
            parameters = new long[] {hostId, startSecond, endSecond};
        }
        PreparedStatement select = c.prepareStatement(sql);
        try {
            for (int i = 0; i < parameters.length; i++) {
                select.setLong(i + 1, parameters[i]);
            }
            return select;
        } catch (SQLException | RuntimeException e) {
            select.close();
            throw e;
        }
    }

    static String everySampleSql(StatKind kind) {
        String device = kind.deviceColumn();
        return "SELECT time, seq, " + (device == null ? "0" : device) + ", " + String.join(", ", kind.columns())
                + " FROM " + kind.table() + " WHERE host_id = ? AND time >= ? AND time < ? ORDER BY time, seq"
                + (device == null ? "" : ", " + device) + " LIMIT " + (MAX_ROWS + 1);
    }

    /**
     * Buckets of raw samples, or of hourly rollups: [host, start, end). Buckets of an hour are the rollups' rows as
     * they are, without grouping them again (1.3-1.5 instead of 2.4-3.5 ms for 30 days, bench/monitor-storage.sh).
     */
    static String bucketSql(StatKind kind, StatResolution resolution) {
        long step = resolution.stepSeconds();
        String device = kind.deviceColumn();
        String deviceOrder = device == null ? "" : ", " + device;
        if (resolution.source() == StatResolution.Source.HOURLY && step == StatResolution.HOUR) {
            List<String> values = new ArrayList<>();
            for (String column : kind.columns()) {
                values.add(column + "_min, " + column + "_avg, " + column + "_max");
            }
            return "SELECT hour, samples, " + (device == null ? "0" : device) + ", " + String.join(", ", values)
                    + " FROM " + kind.hourlyTable() + " WHERE host_id = ? AND hour >= ? AND hour < ? ORDER BY hour"
                    + deviceOrder + " LIMIT " + (MAX_ROWS + 1);
        }
        List<String> values = new ArrayList<>();
        String time;
        String samples;
        String table;
        if (resolution.source() == StatResolution.Source.HOURLY) {
            // combine hours: min of minima, average weighted by samples, max of maxima
            for (String column : kind.columns()) {
                values.add("MIN(" + column + "_min)");
                values.add("ROUND(SUM(" + column + "_avg * samples) / SUM(samples))");
                values.add("MAX(" + column + "_max)");
            }
            time = "hour";
            samples = "SUM(samples)";
            table = kind.hourlyTable();
        } else { // the samples of the clustered key range (host, time), combined by the database
            for (String column : kind.columns()) {
                values.add("MIN(" + column + ")");
                values.add("ROUND(AVG(" + column + "))");
                values.add("MAX(" + column + ")");
            }
            time = "time";
            samples = "COUNT(*)";
            table = kind.table();
        }
        return "SELECT " + time + " - " + time + " % " + step + " AS bucket, " + samples
                + (device == null ? ", 0" : ", " + device) + ", " + String.join(", ", values) + " FROM " + table
                + " WHERE host_id = ? AND " + time + " >= ? AND " + time + " < ? GROUP BY bucket" + deviceOrder
                + " ORDER BY bucket" + deviceOrder + " LIMIT " + (MAX_ROWS + 1);
    }

    /**
     * Buckets of five-minute rollups and of the raw samples around them, combined as the raw samples alone would
     * be: the same count, minimum and maximum, and the average as {@code ROUND(SUM(sum) / SUM(samples))}, which is
     * {@code ROUND(AVG())} in the database's own decimal arithmetic. Buckets of 5 minutes are the rollups' rows as
     * they are, without grouping them again (1.1 instead of 1.7 ms for a day, measured). Parameters: the rollups
     * [host, from, until), then the raw samples [host, start, end) outside [from, until).
     */
    static String fiveMinuteBucketSql(StatKind kind, long step) {
        String device = kind.deviceColumn() == null ? "0" : kind.deviceColumn();
        List<String> rolledUp = new ArrayList<>();
        List<String> raw = new ArrayList<>();
        List<String> combined = new ArrayList<>();
        boolean asRolledUp = step == StatResolution.FIVE_MINUTES;
        for (String column : kind.columns()) {
            rolledUp.add(asRolledUp ? column + "_min, ROUND(" + column + "_sum / samples), " + column + "_max"
                    : column + "_min, " + column + "_sum, " + column + "_max");
            raw.add(asRolledUp ? "MIN(" + column + "), ROUND(AVG(" + column + ")), MAX(" + column + ")"
                    : "MIN(" + column + "), SUM(" + column + "), MAX(" + column + ")");
            combined.add("MIN(" + column + "_min), ROUND(SUM(" + column + "_sum) / SUM(samples)), MAX(" + column
                    + "_max)");
        }
        String union = "SELECT minute - minute % " + step + " AS bucket, samples, " + device + " AS device, "
                + String.join(", ", rolledUp) + " FROM " + kind.fiveMinuteTable()
                + " WHERE host_id = ? AND minute >= ? AND minute < ?"
                + " UNION ALL SELECT time - time % " + step + ", COUNT(*), " + device + ", " + String.join(", ", raw)
                + " FROM " + kind.table() + " WHERE host_id = ? AND time >= ? AND time < ? AND (time < ? OR time >= ?)"
                + " GROUP BY 1, 3";
        String limit = " LIMIT " + (MAX_ROWS + 1);
        return asRolledUp ? union + " ORDER BY 1, 3" + limit
                : "SELECT bucket, SUM(samples), device, " + String.join(", ", combined) + " FROM (" + union
                        + ") part GROUP BY bucket, device ORDER BY bucket, device" + limit;
    }

    /**
     * The part of [start, end) the five-minute rollups cover: from the first to the end of the last rollup in it
     * (they are written oldest first, so there are no gaps between). Before and after it, raw samples answer: the
     * newest minutes not rolled up yet, and older ones if the rollups' retention is the shorter.
     *
     * @return {@code [from, until)}, empty at {@code start} when no rollup is in the range
     */
    private static long[] rolledUp(Connection c, StatKind kind, int hostId, long start, long end) throws SQLException {
        try (PreparedStatement select = c.prepareStatement("SELECT MIN(minute), MAX(minute) FROM "
                + kind.fiveMinuteTable() + " WHERE host_id = ? AND minute >= ? AND minute <= ?")) {
            select.setInt(1, hostId);
            select.setLong(2, start);
            select.setLong(3, end - StatResolution.FIVE_MINUTES); // only rollups wholly in the range
            try (ResultSet row = select.executeQuery()) {
                row.next();
                long first = row.getLong(1);
                return row.wasNull() ? new long[] {start, start}
                        : new long[] {first, row.getLong(2) + StatResolution.FIVE_MINUTES};
            }
        }
    }

    private static boolean hostExists(Connection c, int hostId) throws SQLException {
        try (PreparedStatement select = c.prepareStatement("SELECT 1 FROM host WHERE id = ?")) {
            select.setInt(1, hostId);
            try (ResultSet row = select.executeQuery()) {
                return row.next();
            }
        }
    }

    private static List<String> bucketColumns(StatKind kind) {
        List<String> columns = new ArrayList<>();
        for (String column : kind.columns()) {
            columns.add(column + "_min");
            columns.add(column + "_avg");
            columns.add(column + "_max");
        }
        return columns;
    }

    private static Map<Integer, String> deviceNames(Connection c, StatKind kind, int hostId) throws SQLException {
        Map<Integer, String> names = new HashMap<>();
        if (kind.deviceTable() == null) {
            return names;
        }
        try (PreparedStatement select = c.prepareStatement("SELECT " + kind.deviceNumberColumn() + ", "
                + kind.deviceNameColumn() + " FROM " + kind.deviceTable() + " WHERE host_id = ?")) {
            select.setInt(1, hostId);
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    names.put(rows.getInt(1), rows.getString(2));
                }
            }
        }
        return names;
    }

    private static String abbreviate(String name) {
        return name.length() > 32 ? name.substring(0, 32) + "…" : name;
    }
}
