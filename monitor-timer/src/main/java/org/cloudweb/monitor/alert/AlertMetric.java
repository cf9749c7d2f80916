package org.cloudweb.monitor.alert;

import java.util.Arrays;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.cloudweb.monitor.stats.Sample;

/**
 * The metrics a rule can watch, each computed from one tick's {@link Sample}. A metric the tick could not
 * measure (rates right after a counter reset, no disk or NIC, the first tick) has no value, and a rule over it
 * stays as it is for that tick.
 */
public enum AlertMetric {

    /** CPU time busy since the previous tick, percent of all CPUs. */
    CPU_BUSY("cpu.busy", "percent", s -> s.cpu() == null ? null : s.cpu().busy() / 10.0),
    /** One-minute load average. */
    CPU_LOAD1("cpu.load1", "load", s -> s.cpu() == null ? null : s.cpu().load1Centi() / 100.0),
    /** Memory in use (not available without swapping), percent of the total. */
    MEM_USED("mem.used", "percent", s -> s.memory().totalKib() <= 0 ? null
            : 100.0 * (s.memory().totalKib() - s.memory().availableKib()) / s.memory().totalKib()),
    /** Memory available without swapping. */
    MEM_AVAILABLE("mem.available", "bytes", s -> s.memory().availableKib() * 1024.0),
    /** Swap in use, percent of the swap space (0 without swap). */
    SWAP_USED("swap.used", "percent", s -> s.memory().swapTotalKib() <= 0 ? 0.0
            : 100.0 * s.memory().swapUsedKib() / s.memory().swapTotalKib()),
    /** Bytes received per second, all NICs. */
    NET_RX("net.rx", "bytes/s", s -> s.netTotal() == null ? null : (double) s.netTotal().rxBytes()),
    /** Bytes sent per second, all NICs. */
    NET_TX("net.tx", "bytes/s", s -> s.netTotal() == null ? null : (double) s.netTotal().txBytes()),
    /** Bytes read per second, all disks. */
    DISK_READ("disk.read", "bytes/s", s -> s.diskTotal() == null ? null : (double) s.diskTotal().readBytes()),
    /** Bytes written per second, all disks. */
    DISK_WRITE("disk.write", "bytes/s", s -> s.diskTotal() == null ? null : (double) s.diskTotal().writeBytes()),
    /** Space used on the fullest mounted file system, percent of its size. */
    STORAGE_USED("storage.used", "percent", AlertMetric::fullestMount),
    /** CPU used by this CloudWeb process, percent of the host's CPUs. */
    PROC_CPU("proc.cpu", "percent", s -> s.process() == null ? null : s.process().cpu() / 10.0),
    /** Resident memory of this CloudWeb process. */
    PROC_RSS("proc.rss", "bytes", s -> s.process() == null ? null : s.process().rssKib() * 1024.0);

    /** The names, comma-separated, for messages. */
    public static final String NAMES = Arrays.stream(values()).map(AlertMetric::apiName)
            .collect(Collectors.joining(", "));

    private final String apiName;
    private final String unit;
    private final Function<Sample, Double> value;

    AlertMetric(String apiName, String unit, Function<Sample, Double> value) {
        this.apiName = apiName;
        this.unit = unit;
        this.value = value;
    }

    public static Optional<AlertMetric> named(String name) {
        return Arrays.stream(values()).filter(m -> m.apiName.equals(name)).findFirst();
    }

    /** The name rules use, such as {@code mem.used}. */
    public String apiName() {
        return apiName;
    }

    /** {@code percent}, {@code bytes}, {@code bytes/s} or {@code load}. */
    public String unit() {
        return unit;
    }

    private static Double fullestMount(Sample sample) {
        OptionalDouble fullest = sample.storage().stream().filter(m -> m.totalMib() > 0)
                .mapToDouble(m -> 100.0 * m.usedMib() / m.totalMib()).max();
        return fullest.isPresent() ? fullest.getAsDouble() : null;
    }

    /** The metric's value in a sample, if the sample has it. */
    public OptionalDouble of(Sample sample) {
        Double v = value.apply(sample);
        return v == null || v.isNaN() ? OptionalDouble.empty() : OptionalDouble.of(v);
    }
}
