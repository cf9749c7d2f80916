package org.cloudweb.monitor.host;

import java.util.Map;

/**
 * The numbers the series rows use for a host's NICs, disks and mounts (by name or mount path); 0 is reserved
 * for "all of them".
 */
public record DeviceNumbers(Map<String, Integer> nics, Map<String, Integer> disks, Map<String, Integer> mounts) {

    public static final DeviceNumbers NONE = new DeviceNumbers(Map.of(), Map.of(), Map.of());

    public DeviceNumbers {
        nics = Map.copyOf(nics);
        disks = Map.copyOf(disks);
        mounts = Map.copyOf(mounts);
    }
}
