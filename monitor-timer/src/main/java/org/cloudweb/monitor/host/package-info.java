/**
 * Which host this node runs on (identity with its fallback chain), the duplicate-free registration of the
 * {@code host} row, and the inventory (CPUs, memory modules, NICs, disks, mounts) read from OSHI and kept in
 * step with the hardware.
 */
package org.cloudweb.monitor.host;
