package org.cloudweb.monitor.host;

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
import java.util.Arrays;
import java.util.List;
import javax.sql.DataSource;
import org.cloudweb.ejb.error.NotFoundException;
import org.cloudweb.ejb.security.Roles;
import org.cloudweb.monitor.MonitorException;

/** The hosts and their inventory, for administrators. */
@Stateless
@DeclareRoles({Roles.ADMIN, Roles.USER})
@RolesAllowed(Roles.ADMIN)
@TransactionAttribute(TransactionAttributeType.SUPPORTS)
public class HostService {

    private static final String SUMMARY = "SELECT id, name, identity_key, uuid, product, manufacturer, version,"
            + " serial, os, memory_bytes, available, registered_at, inventory_at, last_seen FROM host";

    @Resource(lookup = "java:app/jdbc/cloudweb")
    DataSource db;

    public List<HostSummary> list() {
        try (Connection c = db.getConnection();
             PreparedStatement select = c.prepareStatement(SUMMARY + " ORDER BY name, id");
             ResultSet rows = select.executeQuery()) {
            List<HostSummary> hosts = new ArrayList<>();
            while (rows.next()) {
                hosts.add(summary(rows));
            }
            return hosts;
        } catch (SQLException e) {
            throw new MonitorException("Cannot list hosts", e);
        }
    }

    /** @throws NotFoundException if there is no such host */
    public HostDetails get(int id) {
        try (Connection c = db.getConnection()) {
            HostSummary host;
            try (PreparedStatement select = c.prepareStatement(SUMMARY + " WHERE id = ?")) {
                select.setInt(1, id);
                try (ResultSet row = select.executeQuery()) {
                    if (!row.next()) {
                        throw new NotFoundException("No host " + id);
                    }
                    host = summary(row);
                }
            }
            List<HostDetails.Cpu> cpus = new ArrayList<>();
            query(c, "SELECT package_no, name, vendor, microarchitecture, identifier, cores, threads, max_freq_hz"
                    + " FROM host_cpu WHERE host_id = ? ORDER BY package_no", id, r -> cpus.add(new HostDetails.Cpu(
                    r.getInt(1), r.getString(2), r.getString(3), r.getString(4), r.getString(5), r.getInt(6),
                    r.getInt(7), r.getLong(8))));
            List<HostDetails.MemoryModule> memory = new ArrayList<>();
            query(c, "SELECT module_no, bank, capacity_bytes, clock_hz, manufacturer, type FROM host_mem"
                    + " WHERE host_id = ? ORDER BY module_no", id, r -> memory.add(new HostDetails.MemoryModule(
                    r.getInt(1), r.getString(2), r.getLong(3), r.getLong(4), r.getString(5), r.getString(6))));
            List<HostDetails.Nic> nics = new ArrayList<>();
            query(c, "SELECT nic_no, name, display_name, mac, ipv4, ipv6, speed_bps, mtu, link_up FROM host_net"
                    + " WHERE host_id = ? ORDER BY nic_no", id, r -> nics.add(new HostDetails.Nic(r.getInt(1),
                    r.getString(2), r.getString(3), r.getString(4), split(r.getString(5)), split(r.getString(6)),
                    r.getLong(7), r.getLong(8), r.getBoolean(9))));
            List<HostDetails.Disk> disks = new ArrayList<>();
            query(c, "SELECT disk_no, name, model, serial, size_bytes FROM host_disk WHERE host_id = ?"
                    + " ORDER BY disk_no", id, r -> disks.add(new HostDetails.Disk(r.getInt(1), r.getString(2),
                    r.getString(3), r.getString(4), r.getLong(5))));
            List<HostDetails.Mount> mounts = new ArrayList<>();
            query(c, "SELECT mount_no, path, uuid, fs_type, volume FROM host_mount WHERE host_id = ?"
                    + " ORDER BY mount_no", id, r -> mounts.add(new HostDetails.Mount(r.getInt(1), r.getString(2),
                    r.getString(3), r.getString(4), r.getString(5))));
            return new HostDetails(host, cpus, memory, nics, disks, mounts);
        } catch (SQLException e) {
            throw new MonitorException("Cannot read host " + id, e);
        }
    }

    /** Whether a host exists (for the series, which answer 404 for unknown hosts). */
    public boolean exists(int id) {
        try (Connection c = db.getConnection();
             PreparedStatement select = c.prepareStatement("SELECT 1 FROM host WHERE id = ?")) {
            select.setInt(1, id);
            try (ResultSet row = select.executeQuery()) {
                return row.next();
            }
        } catch (SQLException e) {
            throw new MonitorException("Cannot read host " + id, e);
        }
    }

    interface RowReader {
        void read(ResultSet row) throws SQLException;
    }

    private static void query(Connection c, String sql, int hostId, RowReader reader) throws SQLException {
        try (PreparedStatement select = c.prepareStatement(sql)) {
            select.setInt(1, hostId);
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    reader.read(rows);
                }
            }
        }
    }

    private static HostSummary summary(ResultSet r) throws SQLException {
        String identity = r.getString(3);
        Long memory = r.getObject(10) == null ? null : r.getLong(10);
        return new HostSummary(r.getInt(1), r.getString(2), identity.substring(0, identity.indexOf(':')),
                r.getString(4), r.getString(5), r.getString(6), r.getString(7), r.getString(8), r.getString(9),
                memory, r.getBoolean(11), instant(r.getTimestamp(12)),
                instant(r.getTimestamp(13)), instant(r.getTimestamp(14)));
    }

    private static Instant instant(Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toInstant();
    }

    private static List<String> split(String list) {
        return list == null || list.isEmpty() ? List.of() : Arrays.asList(list.split(","));
    }
}
