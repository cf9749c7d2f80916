package org.cloudweb.monitor.host;

import java.util.List;

/** A host with its inventory; device numbers are the ones its series use. */
public record HostDetails(HostSummary host, List<Cpu> cpus, List<MemoryModule> memory, List<Nic> nics,
                          List<Disk> disks, List<Mount> mounts) {

    public HostDetails {
        cpus = List.copyOf(cpus);
        memory = List.copyOf(memory);
        nics = List.copyOf(nics);
        disks = List.copyOf(disks);
        mounts = List.copyOf(mounts);
    }

    public record Cpu(int packageNo, String name, String vendor, String microarchitecture, String identifier,
                      int cores, int threads, long maxFreqHz) {
    }

    public record MemoryModule(int number, String bank, long capacityBytes, long clockHz, String manufacturer,
                               String type) {
    }

    public record Nic(int number, String name, String displayName, String mac, List<String> ipv4, List<String> ipv6,
                      long speedBps, long mtu, boolean linkUp) {
        public Nic {
            ipv4 = List.copyOf(ipv4);
            ipv6 = List.copyOf(ipv6);
        }
    }

    public record Disk(int number, String name, String model, String serial, long sizeBytes) {
    }

    public record Mount(int number, String path, String uuid, String fsType, String volume) {
    }
}
