package org.cloudweb.web.metrics;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Optional;
import java.util.function.ToDoubleFunction;
import org.cloudweb.ejb.data.DataDirectory;
import org.cloudweb.monitor.stats.LatestSample;
import org.cloudweb.monitor.stats.Sample;
import org.eclipse.microprofile.metrics.Metadata;
import org.eclipse.microprofile.metrics.MetricRegistry;
import org.eclipse.microprofile.metrics.annotation.RegistryScope;

/**
 * Gauges of this node's host, read from the monitor's latest sample (so a scrape costs no database query and
 * shows the same numbers the series store). NaN until the first sample with rates, a tick after startup.
 */
@ApplicationScoped
public class HostGauges {

    private static final double MIB = 1024.0 * 1024.0;

    @Inject
    @RegistryScope(scope = MetricRegistry.APPLICATION_SCOPE)
    MetricRegistry registry;

    @Inject
    LatestSample latest;

    @Inject
    DataDirectory dataDirectory;

    void register(@Observes @Initialized(ApplicationScoped.class) Object started) {
        gauge("cloudweb_host_cpu_utilization", "CPU time busy since the previous sample, 0 to 1",
                s -> s.cpu() == null ? Double.NaN : s.cpu().busy() / 1000.0);
        gauge("cloudweb_host_memory_total_bytes", "Physical memory", s -> s.memory().totalKib() * 1024.0);
        gauge("cloudweb_host_memory_available_bytes", "Physical memory available without swapping",
                s -> s.memory().availableKib() * 1024.0);
        gauge("cloudweb_host_network_receive_bytes_per_second", "Bytes received per second, all interfaces",
                s -> s.netTotal() == null ? Double.NaN : s.netTotal().rxBytes());
        gauge("cloudweb_host_network_transmit_bytes_per_second", "Bytes sent per second, all interfaces",
                s -> s.netTotal() == null ? Double.NaN : s.netTotal().txBytes());
        gauge("cloudweb_host_disk_read_bytes_per_second", "Bytes read per second, all disks",
                s -> s.diskTotal() == null ? Double.NaN : s.diskTotal().readBytes());
        gauge("cloudweb_host_disk_write_bytes_per_second", "Bytes written per second, all disks",
                s -> s.diskTotal() == null ? Double.NaN : s.diskTotal().writeBytes());
        gauge("cloudweb_data_storage_used_bytes", "Space used on the file system of the data directory",
                s -> dataStore(s).map(m -> m.usedMib() * MIB).orElse(Double.NaN));
        gauge("cloudweb_data_storage_free_bytes",
                "Space available to CloudWeb on the file system of the data directory",
                s -> dataStore(s).map(m -> m.availableMib() * MIB).orElse(Double.NaN));
    }

    private void gauge(String name, String description, ToDoubleFunction<Sample> value) {
        registry.gauge(Metadata.builder().withName(name).withDescription(description).build(),
                () -> latest.get().map(value::applyAsDouble).orElse(Double.NaN));
    }

    /** The mount holding the data directory: the longest mount path it lies under. */
    private Optional<Sample.Storage> dataStore(Sample sample) {
        Path dir = dataDirectory();
        return sample.storage().stream()
                .filter(m -> dir.startsWith(Path.of(m.path())))
                .max(Comparator.comparingInt(m -> m.path().length()));
    }

    private Path dataDirectory() {
        Path root = dataDirectory.root();
        try {
            return root.toRealPath();
        } catch (IOException e) {
            return root.toAbsolutePath().normalize();
        }
    }
}
