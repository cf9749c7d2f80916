package org.cloudweb.monitor.timer;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.ejb.EJB;
import jakarta.ejb.Lock;
import jakarta.ejb.LockType;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.Timeout;
import jakarta.ejb.TimerConfig;
import jakarta.ejb.TimerService;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.logging.Level;
import java.util.logging.Logger;
import javax.sql.DataSource;
import org.cloudweb.ejb.config.ConfigKey;
import org.cloudweb.ejb.config.ConfigService;
import org.cloudweb.ejb.outage.DatabaseOutage;
import org.cloudweb.monitor.host.DeviceNumbers;
import org.cloudweb.monitor.host.HostIdentity;
import org.cloudweb.monitor.host.HostLease;
import org.cloudweb.monitor.host.HostRegistry;
import org.cloudweb.monitor.host.Inventory;
import org.cloudweb.monitor.host.InventoryReader;
import org.cloudweb.monitor.host.InventoryStore;
import org.cloudweb.monitor.load.LoadRecorder;
import org.cloudweb.monitor.stats.HostSampled;
import org.cloudweb.monitor.stats.LatestSample;
import org.cloudweb.monitor.stats.Sample;
import org.cloudweb.monitor.stats.Sampler;
import org.cloudweb.monitor.stats.StatStore;
import org.cloudweb.monitor.stats.StatWriter;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import oshi.SystemInfo;
import oshi.hardware.HWDiskStore;
import oshi.hardware.HardwareAbstractionLayer;
import oshi.hardware.NetworkIF;
import oshi.software.os.OSFileStore;
import oshi.software.os.OperatingSystem;

/**
 * The tick of this node's host monitor. A chain of single-action, non-persistent timers rather than a fixed
 * {@code @Schedule}: each tick reads {@code monitor.interval} and schedules the next one on the next multiple of
 * it, so a changed setting applies at once and two ticks never overlap (the write lock covers the rare case of a
 * container retry). The first tick registers the host, writes its inventory and primes the counters; the
 * inventory is read again hourly, or earlier when a device appears. Of several nodes on one machine only the
 * one holding the {@link HostLease} monitors; the others stand by and take over when it goes.
 */
@Singleton
@Startup
@Lock(LockType.WRITE)
public class HostMonitor {

    private static final Logger LOG = Logger.getLogger(HostMonitor.class.getName());
    private static final Duration FIRST_TICK = Duration.ofSeconds(1);
    private static final long INVENTORY_NANOS = Duration.ofHours(1).toNanos();

    @Resource
    TimerService timers;

    @Resource(lookup = "java:app/jdbc/cloudweb")
    DataSource db;

    @Inject
    ConfigService config;

    @Inject
    HostRegistry registry;

    @Inject
    InventoryStore inventoryStore;

    @Inject
    StatStore stats;

    @Inject
    LatestSample latest;

    @Inject
    Event<HostSampled> sampled;

    @Inject
    TickMetrics tickMetrics;

    @Inject
    LoadRecorder load;

    @Inject
    @ConfigProperty(name = "cloudweb.data.dir")
    String dataDir;

    @EJB
    DatabaseOutage outage;

    // one for the life of the application: OSHI caches what it has detected in it
    private SystemInfo system;
    private Sampler sampler;
    private HostIdentity.Key key;
    private HostLease lease;
    private boolean standingBy;
    private Integer hostId;
    private Inventory inventory;
    private DeviceNumbers devices = DeviceNumbers.NONE;
    private long inventoryNanos;
    private long seq;
    private long lastStoredSecond;
    private long lastTickNanos;
    private Duration scheduledInterval = ConfigKey.MONITOR_INTERVAL.defaultValue();

    @PostConstruct
    void start() {
        system = new SystemInfo();
        schedule(FIRST_TICK);
    }

    @PreDestroy
    void stop() {
        if (hostId != null && lease.held()) { // a node standing by leaves the host to the one monitoring it
            try {
                registry.markUnavailable(hostId);
            } catch (RuntimeException e) {
                LOG.log(Level.FINE, "Could not mark the host unavailable at shutdown", e);
            }
        }
        if (lease != null) {
            lease.close();
        }
    }

    /** The id of this node's host, or null before the first tick registered it. */
    @Lock(LockType.READ)
    public Integer hostId() {
        return hostId;
    }

    @Timeout
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    void tick() {
        long startNanos = System.nanoTime();
        long startCpuNanos = TickMetrics.threadCpuNanos();
        try {
            if (outage.isDown()) {
                return; // nowhere to store samples; seq shows the gap
            }
            if (hostId == null) {
                scheduledInterval = config.get(ConfigKey.MONITOR_INTERVAL);
                register();
            } else {
                sampleAndStore();
            }
        } catch (RuntimeException e) {
            // the database may be starting or briefly away: the next tick tries again, and seq shows the gap
            LOG.log(Level.WARNING, "Host monitor tick failed: {0}", e.toString());
            LOG.log(Level.FINE, "Host monitor tick failure", e);
        } finally {
            // a changed interval counts from here: the elapsed time up to this tick was the old one's
            schedule(untilNextMultipleOf(scheduledInterval));
            tickMetrics.record(startNanos, startCpuNanos);
        }
    }

    private void register() {
        if (lease == null) {
            HardwareAbstractionLayer hardware = system.getHardware();
            OperatingSystem os = system.getOperatingSystem();
            key = new HostIdentity(() -> hardware.getComputerSystem().getHardwareUUID(),
                    () -> hardware.getComputerSystem().getSerialNumber(), Path.of("/etc/machine-id"),
                    Path.of(dataDir)).find();
            sampler = new Sampler(hardware.getProcessor(), hardware.getMemory(), os.getProcess(os.getProcessId()));
            Inventory current = readInventory();
            lease = new HostLease(db, registry.register(key, current.facts()));
            inventory = current;
        }
        if (!lease.hold()) {
            if (!standingBy) {
                LOG.log(Level.INFO, "Host {0} is monitored by another node on this machine; this node stands by",
                        lease.hostId());
                standingBy = true;
            }
            return;
        }
        Inventory current = standingBy ? readInventory() : inventory; // it may have changed while standing by
        standingBy = false;
        int id = lease.hostId();
        devices = inventoryStore.replace(id, current);
        inventory = current;
        long[] last = stats.last(id);
        seq = last == null ? 0 : last[0];
        lastStoredSecond = last == null ? 0 : last[1];
        sampler.sample(System.currentTimeMillis() / 1000); // primes the counters; its rates would span nothing
        lastTickNanos = 0;
        hostId = id;
        LOG.log(Level.INFO, "Monitoring host {0} ({1}, identity from {2})",
                new Object[] {id, current.facts().name(), key.source()});
    }

    private void sampleAndStore() {
        if (!lease.hold()) {
            hostId = null; // another node took over while this one could not reach the database: stand by
            return;
        }
        long nanos = System.nanoTime();
        if (nanos - inventoryNanos >= INVENTORY_NANOS) {
            refreshInventory();
        }
        long now = System.currentTimeMillis() / 1000;
        Sample sample = sampler.sample(now);
        seq += lastTickNanos == 0
                ? (lastStoredSecond == 0 ? 1 : Math.max(1, Math.round((now - lastStoredSecond) / (double) scheduledInterval.toSeconds())))
                : Math.max(1, Math.round((nanos - lastTickNanos) / (double) scheduledInterval.toNanos()));
        lastTickNanos = nanos;
        // the write reads monitor.interval with the rows (a read of its own cost the tick 1.8 ms of CPU), and
        // stores the host's load in their transaction (a call of its own cost about 1 ms)
        scheduledInterval = StatWriter.write(lease.connection(), hostId, seq, sample, devices,
                load.load(hostId, sample));
        latest.set(sample);
        lastStoredSecond = now;
        if (hasUnknownDevice(sample)) {
            inventoryNanos = 0; // a device appeared: read the inventory at the next tick
        }
        sampled.fire(new HostSampled(hostId, seq, sample));
    }

    private void refreshInventory() {
        Inventory current = readInventory();
        registry.register(key, current.facts());
        if (!current.equals(inventory)) {
            devices = inventoryStore.replace(hostId, current);
            inventory = current;
            LOG.log(Level.INFO, "Host {0}: inventory changed and rewritten", hostId);
        }
    }

    private boolean hasUnknownDevice(Sample sample) {
        return sample.nets().stream().anyMatch(n -> !devices.nics().containsKey(n.name()))
                || sample.disks().stream().anyMatch(d -> !devices.disks().containsKey(d.name()))
                || sample.storage().stream().anyMatch(s -> !devices.mounts().containsKey(s.path()));
    }

    private Inventory readInventory() {
        HardwareAbstractionLayer hardware = system.getHardware();
        OperatingSystem os = system.getOperatingSystem();
        List<NetworkIF> nics = distinct(hardware.getNetworkIFs(false), NetworkIF::getName);
        List<HWDiskStore> disks = distinct(hardware.getDiskStores(), HWDiskStore::getName);
        List<OSFileStore> mounts = distinct(os.getFileSystem().getFileStores(true), OSFileStore::getMount);
        Inventory read = InventoryReader.read(hardware, os, nics, disks, mounts);
        sampler.devices(nics, disks, mounts);
        inventoryNanos = System.nanoTime();
        return read;
    }

    private static <T> List<T> distinct(List<T> devices, Function<T, String> key) {
        Map<String, T> unique = new LinkedHashMap<>();
        devices.forEach(d -> unique.putIfAbsent(key.apply(d), d));
        return new ArrayList<>(unique.values());
    }

    private void schedule(Duration delay) {
        timers.createSingleActionTimer(Math.max(1, delay.toMillis()), new TimerConfig(null, false));
    }

    /**
     * Ticks fall on multiples of the interval, so all nodes sample at the same instants; a tick that fired a
     * little early does not get a second one right after it.
     */
    static Duration untilNextMultipleOf(Duration interval) {
        long step = interval.toMillis();
        long delay = step - System.currentTimeMillis() % step;
        return Duration.ofMillis(delay < step / 10 ? delay + step : delay);
    }
}
