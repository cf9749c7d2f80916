package org.cloudweb.monitor.stats;

import java.util.List;

/**
 * One tick's values, ready for the {@code stat_*} rows. Device rows name their device; the store maps names to
 * the inventory's numbers. Rates a reset made unknowable are simply absent.
 */
public record Sample(long epochSecond, Cpu cpu, Memory memory, List<Net> nets, Net netTotal, List<Disk> disks,
                     Disk diskTotal, List<Storage> storage, ProcessIo process) {

    public Sample {
        nets = List.copyOf(nets);
        disks = List.copyOf(disks);
        storage = List.copyOf(storage);
    }

    /** Per mille of all CPU time since the previous tick; load average × 100. */
    public record Cpu(int busy, int user, int system, int iowait, int load1Centi) {
    }

    public record Memory(long totalKib, long availableKib, long swapTotalKib, long swapUsedKib) {
    }

    public record Net(String name, long rxBytes, long txBytes, long rxPackets, long txPackets) {
    }

    public record Disk(String name, long readBytes, long writeBytes, long reads, long writes) {
    }

    public record Storage(String path, long totalMib, long usedMib, long freeMib, long availableMib) {
    }

    /** This process: storage I/O per second, CPU per mille of the host, resident memory. */
    public record ProcessIo(long readBytes, long writeBytes, int cpu, long rssKib) {
    }
}
