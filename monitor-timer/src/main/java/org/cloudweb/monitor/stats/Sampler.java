package org.cloudweb.monitor.stats;

import java.io.File;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.Set;
import java.util.function.Function;
import oshi.hardware.CentralProcessor;
import oshi.hardware.GlobalMemory;
import oshi.hardware.HWDiskStore;
import oshi.hardware.NetworkIF;
import oshi.software.os.OSFileStore;
import oshi.software.os.OSProcess;

/**
 * Reads OSHI's counters for one tick and turns them into a {@link Sample}. It keeps the previous readings, so
 * one instance lives as long as the application (with the one {@code SystemInfo}); the device lists are
 * refreshed with the inventory. Not thread-safe: the timer never runs two ticks at once.
 */
public final class Sampler {

    private final CentralProcessor processor;
    private final GlobalMemory memory;
    private final OSProcess process;
    private final Map<String, CounterRate> rates = new HashMap<>();
    private List<NetworkIF> nics = List.of();
    private List<HWDiskStore> disks = List.of();
    private List<OSFileStore> mounts = List.of();
    private long[] cpuTicks;
    private long lastProcessCpuMillis = -1;
    private long lastProcessNanos;

    public Sampler(CentralProcessor processor, GlobalMemory memory, OSProcess process) {
        this.processor = processor;
        this.memory = memory;
        this.process = process;
    }

    /** The devices to sample from now on (those of the inventory just written). */
    public void devices(List<NetworkIF> nics, List<HWDiskStore> disks, List<OSFileStore> mounts) {
        this.nics = List.copyOf(nics);
        this.disks = List.copyOf(disks);
        this.mounts = List.copyOf(mounts);
    }

    /** Reads every counter; the first call only primes the rates (its sample has no CPU share and no rates). */
    public Sample sample(long epochSecond) {
        long[] ticks = processor.getSystemCpuLoadTicks();
        int[] shares = cpuTicks == null ? null : CpuShares.between(cpuTicks, ticks);
        cpuTicks = ticks;
        double load = processor.getSystemLoadAverage(1)[0];
        Sample.Cpu cpu = shares == null ? null : new Sample.Cpu(shares[0], shares[1], shares[2], shares[3],
                (int) Math.max(0, Math.min(65_535, Math.round(load * 100))));

        Sample.Memory mem = new Sample.Memory(memory.getTotal() / 1024, memory.getAvailable() / 1024,
                memory.getVirtualMemory().getSwapTotal() / 1024, memory.getVirtualMemory().getSwapUsed() / 1024);

        List<Sample.Net> nets = new ArrayList<>();
        Map<String, long[]> nicCounters = nics.isEmpty() ? Map.of() : proc(ProcCounters.NET_DEV, ProcCounters::nics);
        for (NetworkIF nic : nics) {
            long[] c = counters(nic, nicCounters);
            if (c != null) {
                long nanos = System.nanoTime();
                String key = "net:" + nic.getName();
                OptionalLong rx = rate(key + ":rxb", c[0], nanos);
                OptionalLong tx = rate(key + ":txb", c[2], nanos);
                OptionalLong rxp = rate(key + ":rxp", c[1], nanos);
                OptionalLong txp = rate(key + ":txp", c[3], nanos);
                if (rx.isPresent() && tx.isPresent() && rxp.isPresent() && txp.isPresent()) {
                    nets.add(new Sample.Net(nic.getName(), rx.getAsLong(), tx.getAsLong(), rxp.getAsLong(),
                            txp.getAsLong()));
                }
            }
        }
        List<Sample.Disk> diskRates = new ArrayList<>();
        Map<String, long[]> diskCounters = disks.isEmpty() ? Map.of()
                : proc(ProcCounters.DISKSTATS, ProcCounters::disks);
        for (HWDiskStore disk : disks) {
            long[] c = counters(disk, diskCounters);
            if (c != null) {
                long nanos = System.nanoTime();
                String key = "disk:" + disk.getName();
                OptionalLong rb = rate(key + ":rb", c[1], nanos);
                OptionalLong wb = rate(key + ":wb", c[3], nanos);
                OptionalLong r = rate(key + ":r", c[0], nanos);
                OptionalLong w = rate(key + ":w", c[2], nanos);
                if (rb.isPresent() && wb.isPresent() && r.isPresent() && w.isPresent()) {
                    diskRates.add(new Sample.Disk(disk.getName(), rb.getAsLong(), wb.getAsLong(), r.getAsLong(),
                            w.getAsLong()));
                }
            }
        }
        List<Sample.Storage> storage = new ArrayList<>();
        Set<String> mounted = mounts.isEmpty() ? Set.of() : proc(ProcCounters.MOUNTS, ProcCounters::mounts);
        for (OSFileStore store : mounts) {
            long[] space = space(store, mounted);
            if (space != null) {
                storage.add(new Sample.Storage(store.getMount(), mib(space[0]), mib(space[0] - space[1]),
                        mib(space[1]), mib(space[2])));
            }
        }
        return new Sample(epochSecond, cpu, mem, nets, total(nets), diskRates, totalDisk(diskRates), storage,
                processIo());
    }

    private Sample.ProcessIo processIo() {
        if (!process.updateAttributes()) {
            return null;
        }
        long nanos = System.nanoTime();
        OptionalLong read = rate("proc:rb", process.getBytesRead(), nanos);
        OptionalLong written = rate("proc:wb", process.getBytesWritten(), nanos);
        long cpuMillis = process.getKernelTime() + process.getUserTime();
        int cpu = -1;
        if (lastProcessCpuMillis >= 0 && cpuMillis >= lastProcessCpuMillis && nanos > lastProcessNanos) {
            double share = (cpuMillis - lastProcessCpuMillis) * 1e6 / (nanos - lastProcessNanos)
                    / Math.max(1, processor.getLogicalProcessorCount());
            cpu = (int) Math.max(0, Math.min(1000, Math.round(share * 1000)));
        }
        lastProcessCpuMillis = cpuMillis;
        lastProcessNanos = nanos;
        if (read.isEmpty() || written.isEmpty() || cpu < 0) {
            return null;
        }
        return new Sample.ProcessIo(read.getAsLong(), written.getAsLong(), cpu, process.getResidentSetSize() / 1024);
    }

    /** A /proc file parsed, or null when it cannot be read (not Linux): then OSHI answers. */
    private static <T> T proc(Path file, Function<String, T> parse) {
        String text = ProcCounters.read(file);
        return text == null ? null : parse.apply(text);
    }

    /** Bytes received, packets received, bytes sent, packets sent; null for a NIC that is gone. */
    private static long[] counters(NetworkIF nic, Map<String, long[]> proc) {
        if (proc != null) {
            return proc.get(nic.getName());
        }
        return nic.updateAttributes() ? new long[] {nic.getBytesRecv(), nic.getPacketsRecv(), nic.getBytesSent(),
            nic.getPacketsSent()} : null;
    }

    /** Reads, bytes read, writes, bytes written; null for a disk that is gone. */
    private static long[] counters(HWDiskStore disk, Map<String, long[]> proc) {
        if (proc != null) {
            return proc.get(disk.getName());
        }
        return disk.updateAttributes() ? new long[] {disk.getReads(), disk.getReadBytes(), disk.getWrites(),
            disk.getWriteBytes()} : null;
    }

    /** Total, free and usable bytes; null for a file system no longer mounted. */
    private static long[] space(OSFileStore store, Set<String> mounted) {
        if (mounted != null) {
            // one statvfs per figure, where OSHI's update would re-read the mount table and the labels
            if (!mounted.contains(store.getMount())) {
                return null;
            }
            File point = new File(store.getMount());
            return new long[] {point.getTotalSpace(), point.getFreeSpace(), point.getUsableSpace()};
        }
        return store.updateAttributes() ? new long[] {store.getTotalSpace(), store.getFreeSpace(),
            store.getUsableSpace()} : null;
    }

    private OptionalLong rate(String key, long value, long nanos) {
        return rates.computeIfAbsent(key, k -> new CounterRate()).update(value, nanos);
    }

    private static Sample.Net total(List<Sample.Net> nets) {
        if (nets.isEmpty()) {
            return null;
        }
        return new Sample.Net("", nets.stream().mapToLong(Sample.Net::rxBytes).sum(),
                nets.stream().mapToLong(Sample.Net::txBytes).sum(), nets.stream().mapToLong(Sample.Net::rxPackets).sum(),
                nets.stream().mapToLong(Sample.Net::txPackets).sum());
    }

    private static Sample.Disk totalDisk(List<Sample.Disk> disks) {
        if (disks.isEmpty()) {
            return null;
        }
        return new Sample.Disk("", disks.stream().mapToLong(Sample.Disk::readBytes).sum(),
                disks.stream().mapToLong(Sample.Disk::writeBytes).sum(), disks.stream().mapToLong(Sample.Disk::reads).sum(),
                disks.stream().mapToLong(Sample.Disk::writes).sum());
    }

    private static long mib(long bytes) {
        return Math.max(0, bytes) / (1024 * 1024);
    }
}
