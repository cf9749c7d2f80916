package org.cloudweb.monitor.load;

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
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import javax.sql.DataSource;
import org.cloudweb.ejb.config.ConfigKey;
import org.cloudweb.ejb.config.ConfigService;
import org.cloudweb.ejb.security.Roles;
import org.cloudweb.monitor.MonitorException;

/**
 * Ranks the hosts by load, least loaded first, for any signed-in user (a client or a proxy choosing a node).
 * Hosts that are not available, or whose last load is older than three monitor intervals, are left out: their
 * figures no longer say anything about now.
 */
@Stateless
@DeclareRoles({Roles.ADMIN, Roles.USER})
@RolesAllowed({Roles.ADMIN, Roles.USER})
@TransactionAttribute(TransactionAttributeType.SUPPORTS)
public class RankingService {

    static final int FRESH_INTERVALS = 3;

    @Resource(lookup = "java:app/jdbc/cloudweb")
    DataSource db;

    @Inject
    ConfigService config;

    public Ranking rank() {
        Duration interval = config.get(ConfigKey.MONITOR_INTERVAL);
        Instant since = Instant.now().minus(interval.multipliedBy(FRESH_INTERVALS));
        List<RankedHost> hosts = new ArrayList<>();
        try (Connection c = db.getConnection();
             PreparedStatement select = c.prepareStatement("SELECT h.id, h.name, s.load_at, s.cpu_pm, s.mem_pm,"
                     + " s.in_flight_centi, s.cpu_threads FROM host h JOIN host_status s ON s.host_id = h.id"
                     + " WHERE h.available AND s.load_at >= ?")) {
            select.setTimestamp(1, Timestamp.from(since));
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    hosts.add(ranked(rows.getInt(1), rows.getString(2), rows.getTimestamp(3).toInstant(),
                            rows.getInt(4), rows.getInt(5), rows.getInt(6), rows.getInt(7)));
                }
            }
        } catch (SQLException e) {
            throw new MonitorException("Cannot rank the hosts", e);
        }
        return new Ranking(order(hosts));
    }

    static RankedHost ranked(int id, String name, Instant at, int cpuPerMille, int memoryPerMille, int inFlightCenti,
                             int cpuThreads) {
        double cpu = cpuPerMille / 10.0;
        double memory = memoryPerMille / 10.0;
        double inFlight = inFlightCenti / 100.0;
        return new RankedHost(id, name, Math.round(LoadScore.of(cpu, memory, inFlight, cpuThreads) * 10) / 10.0, cpu,
                memory, inFlight, cpuThreads, at);
    }

    /** Least loaded first; equal scores by host id, so the order is stable. */
    static List<RankedHost> order(List<RankedHost> hosts) {
        List<RankedHost> ordered = new ArrayList<>(hosts);
        ordered.sort(Comparator.comparingDouble(RankedHost::score).thenComparingInt(RankedHost::hostId));
        return ordered;
    }
}
