package org.cloudweb.monitor.host;

import java.util.List;

/**
 * What a host is made of, as read at one moment; compared with the last one written to decide whether the
 * {@code host_*} rows need replacing.
 */
public record Inventory(Facts facts, List<Cpu> cpus, List<MemoryModule> memory, List<Nic> nics, List<Disk> disks,
                        List<Mount> mounts) {

    public Inventory {
        cpus = List.copyOf(cpus);
        memory = List.copyOf(memory);
        nics = List.copyOf(nics);
        disks = List.copyOf(disks);
        mounts = List.copyOf(mounts);
    }

    /** The {@code host} row's descriptive columns; null where the hardware does not tell. */
    public record Facts(String name, String uuid, String product, String manufacturer, String version,
                        String serial, String os, long memoryBytes) {
    }

    /** One physical processor package. */
    public record Cpu(int packageNo, String name, String vendor, String microarchitecture, String identifier,
                      int cores, int threads, long maxFreqHz) {
    }

    public record MemoryModule(String bank, long capacityBytes, long clockHz, String manufacturer, String type) {
    }

    /** A network interface; {@code name} is its stable key. */
    public record Nic(String name, String displayName, String mac, List<String> ipv4, List<String> ipv6,
                      long speedBps, long mtu, boolean linkUp) {
        public Nic {
            ipv4 = List.copyOf(ipv4);
            ipv6 = List.copyOf(ipv6);
        }
    }

    /** A block device; {@code name} (such as {@code /dev/sda}) is its stable key. */
    public record Disk(String name, String model, String serial, long sizeBytes) {
    }

    /** A mounted local file system; {@code path} is its stable key. */
    public record Mount(String path, String uuid, String fsType, String volume) {
    }
}
