package org.cloudweb.monitor.host;

import jakarta.annotation.Resource;
import jakarta.annotation.security.PermitAll;
import jakarta.ejb.Stateless;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import javax.sql.DataSource;
import org.cloudweb.monitor.MonitorException;

/**
 * Writes a host's inventory: in one transaction the {@code host_*} rows become exactly the devices read, so
 * changed parts are updated and removed parts disappear. A device keeps its number while it exists, because
 * the series rows refer to it.
 */
@Stateless
@PermitAll
public class InventoryStore {

    @Resource(lookup = "java:app/jdbc/cloudweb")
    DataSource db;

    public DeviceNumbers replace(int hostId, Inventory inventory) {
        try (Connection c = db.getConnection()) {
            replaceCpus(c, hostId, inventory.cpus());
            replaceMemory(c, hostId, inventory.memory());
            Map<String, Integer> nics = numbers(c, hostId, "host_net", "nic_no", "name", inventory.nics(),
                    Inventory.Nic::name);
            deleteAll(c, "host_net", hostId);
            try (PreparedStatement insert = c.prepareStatement("INSERT INTO host_net (host_id, nic_no, name,"
                    + " display_name, mac, ipv4, ipv6, speed_bps, mtu, link_up) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
                for (Inventory.Nic nic : inventory.nics()) {
                    insert.setInt(1, hostId);
                    insert.setInt(2, nics.get(nic.name()));
                    insert.setString(3, HostRegistry.clip(nic.name(), 255));
                    insert.setString(4, HostRegistry.clip(nic.displayName(), 255));
                    insert.setString(5, HostRegistry.clip(nic.mac(), 64));
                    insert.setString(6, HostRegistry.clip(String.join(",", nic.ipv4()), 1024));
                    insert.setString(7, HostRegistry.clip(String.join(",", nic.ipv6()), 2048));
                    insert.setLong(8, Math.max(0, nic.speedBps()));
                    insert.setLong(9, Math.max(0, nic.mtu()));
                    insert.setBoolean(10, nic.linkUp());
                    insert.addBatch();
                }
                insert.executeBatch();
            }
            Map<String, Integer> disks = numbers(c, hostId, "host_disk", "disk_no", "name", inventory.disks(),
                    Inventory.Disk::name);
            deleteAll(c, "host_disk", hostId);
            try (PreparedStatement insert = c.prepareStatement("INSERT INTO host_disk (host_id, disk_no, name,"
                    + " model, serial, size_bytes) VALUES (?, ?, ?, ?, ?, ?)")) {
                for (Inventory.Disk disk : inventory.disks()) {
                    insert.setInt(1, hostId);
                    insert.setInt(2, disks.get(disk.name()));
                    insert.setString(3, HostRegistry.clip(disk.name(), 255));
                    insert.setString(4, HostRegistry.clip(disk.model(), 255));
                    insert.setString(5, HostRegistry.clip(disk.serial(), 255));
                    insert.setLong(6, Math.max(0, disk.sizeBytes()));
                    insert.addBatch();
                }
                insert.executeBatch();
            }
            Map<String, Integer> mounts = numbers(c, hostId, "host_mount", "mount_no", "path", inventory.mounts(),
                    Inventory.Mount::path);
            deleteAll(c, "host_mount", hostId);
            try (PreparedStatement insert = c.prepareStatement("INSERT INTO host_mount (host_id, mount_no, path,"
                    + " uuid, fs_type, volume) VALUES (?, ?, ?, ?, ?, ?)")) {
                for (Inventory.Mount mount : inventory.mounts()) {
                    insert.setInt(1, hostId);
                    insert.setInt(2, mounts.get(mount.path()));
                    insert.setString(3, HostRegistry.clip(mount.path(), 1024));
                    insert.setString(4, HostRegistry.clip(mount.uuid(), 64));
                    insert.setString(5, HostRegistry.clip(mount.fsType(), 64));
                    insert.setString(6, HostRegistry.clip(mount.volume(), 1024));
                    insert.addBatch();
                }
                insert.executeBatch();
            }
            try (PreparedStatement update = c.prepareStatement("UPDATE host SET inventory_at = ? WHERE id = ?")) {
                update.setTimestamp(1, Timestamp.from(Instant.now()));
                update.setInt(2, hostId);
                update.executeUpdate();
            }
            return new DeviceNumbers(nics, disks, mounts);
        } catch (SQLException e) {
            throw new MonitorException("Cannot store the inventory", e);
        }
    }

    private static void replaceCpus(Connection c, int hostId, List<Inventory.Cpu> cpus) throws SQLException {
        deleteAll(c, "host_cpu", hostId);
        try (PreparedStatement insert = c.prepareStatement("INSERT INTO host_cpu (host_id, package_no, name, vendor,"
                + " microarchitecture, identifier, cores, threads, max_freq_hz) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
            for (Inventory.Cpu cpu : cpus) {
                insert.setInt(1, hostId);
                insert.setInt(2, cpu.packageNo());
                insert.setString(3, HostRegistry.clip(cpu.name() == null ? "?" : cpu.name().strip(), 255));
                insert.setString(4, HostRegistry.clip(cpu.vendor(), 255));
                insert.setString(5, HostRegistry.clip(cpu.microarchitecture(), 255));
                insert.setString(6, HostRegistry.clip(cpu.identifier(), 255));
                insert.setInt(7, cpu.cores());
                insert.setInt(8, cpu.threads());
                insert.setLong(9, Math.max(0, cpu.maxFreqHz()));
                insert.addBatch();
            }
            insert.executeBatch();
        }
    }

    private static void replaceMemory(Connection c, int hostId, List<Inventory.MemoryModule> modules)
            throws SQLException {
        deleteAll(c, "host_mem", hostId);
        try (PreparedStatement insert = c.prepareStatement("INSERT INTO host_mem (host_id, module_no, bank,"
                + " capacity_bytes, clock_hz, manufacturer, type) VALUES (?, ?, ?, ?, ?, ?, ?)")) {
            int number = 1;
            for (Inventory.MemoryModule module : modules) {
                insert.setInt(1, hostId);
                insert.setInt(2, number++);
                insert.setString(3, HostRegistry.clip(module.bank(), 255));
                insert.setLong(4, Math.max(0, module.capacityBytes()));
                insert.setLong(5, Math.max(0, module.clockHz()));
                insert.setString(6, HostRegistry.clip(module.manufacturer(), 255));
                insert.setString(7, HostRegistry.clip(module.type(), 64));
                insert.addBatch();
            }
            insert.executeBatch();
        }
    }

    /** Numbers for the devices: the stored one for a known name, else the next free number (from 1). */
    private static <T> Map<String, Integer> numbers(Connection c, int hostId, String table, String numberColumn,
                                                    String nameColumn, List<T> devices, Function<T, String> name)
            throws SQLException {
        Map<String, Integer> stored = new HashMap<>();
        try (PreparedStatement select = c.prepareStatement("SELECT " + nameColumn + ", " + numberColumn + " FROM "
                + table + " WHERE host_id = ?")) {
            select.setInt(1, hostId);
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    stored.put(rows.getString(1), rows.getInt(2));
                }
            }
        }
        Map<String, Integer> numbers = new LinkedHashMap<>();
        int next = stored.values().stream().mapToInt(Integer::intValue).max().orElse(0) + 1;
        for (T device : devices) {
            String key = name.apply(device);
            if (!numbers.containsKey(key)) {
                Integer known = stored.get(key);
                numbers.put(key, known != null ? known : next++);
            }
        }
        return numbers;
    }

    private static void deleteAll(Connection c, String table, int hostId) throws SQLException {
        try (PreparedStatement delete = c.prepareStatement("DELETE FROM " + table + " WHERE host_id = ?")) {
            delete.setInt(1, hostId);
            delete.executeUpdate();
        }
    }
}
