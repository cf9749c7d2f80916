package org.cloudweb.monitor.timer;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.time.Duration;
import org.eclipse.microprofile.metrics.Metadata;
import org.eclipse.microprofile.metrics.MetricRegistry;
import org.eclipse.microprofile.metrics.MetricUnits;
import org.eclipse.microprofile.metrics.Timer;
import org.eclipse.microprofile.metrics.annotation.RegistryScope;

/**
 * What the monitor's ticks cost, at {@code /metrics}: {@code cloudweb_monitor_tick_duration_seconds} (wall time
 * of a tick, OSHI's poll and the database writes included) and {@code cloudweb_monitor_tick_cpu_seconds} (CPU
 * time of the timer thread during the tick). Use their {@code _sum} and {@code _count}; Payara prints the
 * quantiles and {@code _max} of timers in nanoseconds (FISH-13137).
 */
@ApplicationScoped
public class TickMetrics {

    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

    @Inject
    @RegistryScope(scope = MetricRegistry.APPLICATION_SCOPE)
    MetricRegistry registry;

    private Timer wall;
    private Timer cpu;

    @PostConstruct
    void register() {
        wall = registry.timer(Metadata.builder().withName("cloudweb_monitor_tick_duration")
                .withDescription("Wall time of a host monitor tick").withUnit(MetricUnits.SECONDS).build());
        cpu = registry.timer(Metadata.builder().withName("cloudweb_monitor_tick_cpu")
                .withDescription("CPU time of the host monitor's thread during a tick").withUnit(MetricUnits.SECONDS)
                .build());
    }

    /** The CPU time of the calling thread in nanoseconds, or -1 where the JVM cannot tell. */
    static long threadCpuNanos() {
        return THREADS.isCurrentThreadCpuTimeSupported() ? THREADS.getCurrentThreadCpuTime() : -1;
    }

    /** Records one tick from the {@link System#nanoTime()} and {@link #threadCpuNanos()} taken at its start. */
    void record(long startNanos, long startCpuNanos) {
        wall.update(Duration.ofNanos(System.nanoTime() - startNanos));
        if (startCpuNanos >= 0) {
            cpu.update(Duration.ofNanos(threadCpuNanos() - startCpuNanos));
        }
    }
}
