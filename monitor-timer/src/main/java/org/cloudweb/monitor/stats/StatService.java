package org.cloudweb.monitor.stats;

import jakarta.annotation.Resource;
import jakarta.annotation.security.DeclareRoles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
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
import org.cloudweb.monitor.host.HostService;

/**
 * Series of a host for administrators, from raw samples or hourly rollups (see {@link StatResolution}); a
 * range answers at most {@value #MAX_ROWS} rows.
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

    @Inject
    HostService hosts;

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
        if (!hosts.exists(hostId)) {
            throw new NotFoundException("No host " + hostId);
        }
        String device = statKind.deviceColumn();
        long startSecond = Math.max(0, start.getEpochSecond());
        long endSecond = Math.max(0, end.getEpochSecond() + (end.getNano() > 0 ? 1 : 0));
        List<String> columns = resolution.raw() ? statKind.columns() : rollupColumns(statKind);
        String sql;
        if (resolution.raw()) {
            sql = "SELECT time, seq" + (device == null ? ", 0" : ", " + device) + ", "
                    + String.join(", ", statKind.columns()) + " FROM " + statKind.table()
                    + " WHERE host_id = ? AND time >= ? AND time < ? ORDER BY time, seq"
                    + (device == null ? "" : ", " + device) + " LIMIT " + (MAX_ROWS + 1);
        } else {
            long stepSeconds = resolution.stepSeconds();
            startSecond -= startSecond % stepSeconds; // whole buckets, aligned on multiples of the step
            List<String> values = new ArrayList<>();
            for (String column : statKind.columns()) {
                values.add("MIN(" + column + "_min)");
                values.add("ROUND(SUM(" + column + "_avg * samples) / SUM(samples))");
                values.add("MAX(" + column + "_max)");
            }
            String bucket = "hour - hour % " + stepSeconds;
            sql = "SELECT " + bucket + " AS bucket, SUM(samples)" + (device == null ? ", 0" : ", " + device) + ", "
                    + String.join(", ", values) + " FROM " + statKind.hourlyTable()
                    + " WHERE host_id = ? AND hour >= ? AND hour < ? GROUP BY bucket"
                    + (device == null ? "" : ", " + device) + " ORDER BY bucket" + (device == null ? "" : ", " + device)
                    + " LIMIT " + (MAX_ROWS + 1);
        }
        try (Connection c = db.getConnection()) {
            Map<Integer, String> names = deviceNames(c, statKind, hostId);
            Map<Integer, List<List<Long>>> points = new LinkedHashMap<>();
            int rows = 0;
            boolean truncated = false;
            try (PreparedStatement select = c.prepareStatement(sql)) {
                select.setInt(1, hostId);
                select.setLong(2, startSecond);
                select.setLong(3, endSecond);
                try (ResultSet r = select.executeQuery()) {
                    while (r.next()) {
                        if (++rows > MAX_ROWS) {
                            truncated = true;
                            break;
                        }
                        List<Long> point = new ArrayList<>(2 + columns.size());
                        point.add(r.getLong(1));
                        point.add(r.getLong(2));
                        for (int i = 0; i < columns.size(); i++) {
                            point.add(r.getLong(4 + i));
                        }
                        points.computeIfAbsent(r.getInt(3), d -> new ArrayList<>()).add(point);
                    }
                }
            }
            List<StatSeries.Series> series = new ArrayList<>();
            points.forEach((number, list) -> series.add(new StatSeries.Series(
                    device == null || number == 0 ? "total" : names.getOrDefault(number, "#" + number), list)));
            return new StatSeries(hostId, statKind.apiName(), start, end, resolution.raw() ? "raw" : "hourly",
                    resolution.raw() ? null : resolution.stepSeconds(), columns, series, truncated);
        } catch (SQLException e) {
            throw new MonitorException("Cannot read the " + statKind.apiName() + " series", e);
        }
    }

    private static List<String> rollupColumns(StatKind kind) {
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
