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
 * Series of a host for administrators, from raw samples or hourly rollups, every sample or in buckets (see
 * {@link StatResolution}); a range answers at most {@value #MAX_ROWS} rows. One connection and one statement
 * read a range of the table's clustered key (host, time); buckets are combined by the database. Whether the
 * host exists is asked only when the range has no rows, and device names only when there are some.
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
        List<String> columns = resolution.everySample() ? statKind.columns() : bucketColumns(statKind);
        String deviceOrder = device == null ? "" : ", " + device;
        String sql;
        if (resolution.everySample()) {
            sql = "SELECT time, seq" + (device == null ? ", 0" : ", " + device) + ", "
                    + String.join(", ", statKind.columns()) + " FROM " + statKind.table()
                    + " WHERE host_id = ? AND time >= ? AND time < ? ORDER BY time, seq" + deviceOrder
                    + " LIMIT " + (MAX_ROWS + 1);
        } else {
            long stepSeconds = resolution.stepSeconds();
            startSecond -= startSecond % stepSeconds; // whole buckets, aligned on multiples of the step
            List<String> values = new ArrayList<>();
            String time;
            String samples;
            String table;
            if (resolution.rollups()) { // combine hours: min of minima, average weighted by samples, max of maxima
                for (String column : statKind.columns()) {
                    values.add("MIN(" + column + "_min)");
                    values.add("ROUND(SUM(" + column + "_avg * samples) / SUM(samples))");
                    values.add("MAX(" + column + "_max)");
                }
                time = "hour";
                samples = "SUM(samples)";
                table = statKind.hourlyTable();
            } else { // the samples of the clustered key range (host, time), combined by the database
                for (String column : statKind.columns()) {
                    values.add("MIN(" + column + ")");
                    values.add("ROUND(AVG(" + column + "))");
                    values.add("MAX(" + column + ")");
                }
                time = "time";
                samples = "COUNT(*)";
                table = statKind.table();
            }
            sql = "SELECT " + time + " - " + time + " % " + stepSeconds + " AS bucket, " + samples
                    + (device == null ? ", 0" : ", " + device) + ", " + String.join(", ", values) + " FROM " + table
                    + " WHERE host_id = ? AND " + time + " >= ? AND " + time + " < ? GROUP BY bucket" + deviceOrder
                    + " ORDER BY bucket" + deviceOrder + " LIMIT " + (MAX_ROWS + 1);
        }
        try (Connection c = db.getConnection()) {
            Map<Integer, List<long[]>> points = new LinkedHashMap<>();
            int rows = 0;
            boolean truncated = false;
            int width = 2 + columns.size();
            try (PreparedStatement select = c.prepareStatement(sql)) {
                select.setInt(1, hostId);
                select.setLong(2, startSecond);
                select.setLong(3, endSecond);
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
            return new StatSeries(hostId, statKind.apiName(), start, end, resolution.raw() ? "raw" : "hourly",
                    resolution.everySample() ? null : resolution.stepSeconds(), columns, series, truncated);
        } catch (SQLException e) {
            throw new MonitorException("Cannot read the " + statKind.apiName() + " series", e);
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
