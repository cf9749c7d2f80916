package org.cloudweb.monitor.host;

import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;
import oshi.hardware.CentralProcessor;
import oshi.hardware.ComputerSystem;
import oshi.hardware.HWDiskStore;
import oshi.hardware.HardwareAbstractionLayer;
import oshi.hardware.NetworkIF;
import oshi.software.os.OSFileStore;
import oshi.software.os.OperatingSystem;

/** Reads an {@link Inventory} from OSHI: the devices given (so the sampler and the inventory see the same ones). */
public final class InventoryReader {

    private InventoryReader() {
    }

    public static Inventory read(HardwareAbstractionLayer hardware, OperatingSystem os, List<NetworkIF> nics,
                                 List<HWDiskStore> disks, List<OSFileStore> mounts) {
        ComputerSystem system = hardware.getComputerSystem();
        Inventory.Facts facts = new Inventory.Facts(
                firstNonBlank(os.getNetworkParams().getHostName(), "localhost"),
                HostIdentity.meaningful(system.getHardwareUUID()),
                HostIdentity.meaningful(system.getModel()),
                HostIdentity.meaningful(system.getManufacturer()),
                HostIdentity.meaningful(system.getBaseboard().getVersion()),
                HostIdentity.meaningful(system.getSerialNumber()),
                os.getFamily() + " " + os.getVersionInfo(),
                hardware.getMemory().getTotal());
        return new Inventory(facts, cpus(hardware.getProcessor()),
                hardware.getMemory().getPhysicalMemory().stream().map(m -> new Inventory.MemoryModule(
                        firstNonBlank(m.getBankLabel(), "?"), m.getCapacity(), m.getClockSpeed(),
                        HostIdentity.meaningful(m.getManufacturer()), HostIdentity.meaningful(m.getMemoryType())))
                        .toList(),
                nics.stream().map(n -> new Inventory.Nic(n.getName(), n.getDisplayName(), n.getMacaddr(),
                        Arrays.asList(n.getIPv4addr()), Arrays.asList(n.getIPv6addr()), n.getSpeed(), n.getMTU(),
                        n.getIfOperStatus() == NetworkIF.IfOperStatus.UP)).toList(),
                disks.stream().map(d -> new Inventory.Disk(d.getName(), HostIdentity.meaningful(d.getModel()),
                        HostIdentity.meaningful(d.getSerial()), d.getSize())).toList(),
                mounts.stream().map(m -> new Inventory.Mount(m.getMount(), HostIdentity.meaningful(m.getUUID()),
                        m.getType(), m.getVolume())).toList());
    }

    private static List<Inventory.Cpu> cpus(CentralProcessor processor) {
        CentralProcessor.ProcessorIdentifier id = processor.getProcessorIdentifier();
        var coresByPackage = processor.getPhysicalProcessors().stream()
                .collect(Collectors.groupingBy(CentralProcessor.PhysicalProcessor::getPhysicalPackageNumber,
                        Collectors.counting()));
        var threadsByPackage = processor.getLogicalProcessors().stream()
                .collect(Collectors.groupingBy(CentralProcessor.LogicalProcessor::getPhysicalPackageNumber,
                        Collectors.counting()));
        if (threadsByPackage.isEmpty()) {
            return List.of(new Inventory.Cpu(0, id.getName(), id.getVendor(), id.getMicroarchitecture(),
                    id.getIdentifier(), processor.getPhysicalProcessorCount(), processor.getLogicalProcessorCount(),
                    processor.getMaxFreq()));
        }
        return threadsByPackage.keySet().stream().sorted().map(p -> new Inventory.Cpu(p, id.getName(),
                id.getVendor(), id.getMicroarchitecture(), id.getIdentifier(),
                coresByPackage.getOrDefault(p, 0L).intValue(), threadsByPackage.get(p).intValue(),
                processor.getMaxFreq())).toList();
    }

    private static String firstNonBlank(String value, String fallback) {
        return value == null || value.isBlank() ? fallback : value.strip();
    }
}
