package org.cloudweb.monitor.stats;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/**
 * The Linux kernel's counters of all disks and NICs, and the mounted file systems, each from one file read per
 * tick. OSHI's per-device updates cost far more: a disk's enumerates every block device through udev (about
 * 1.5 ms of CPU per disk here), a file system's re-reads the mount table and the labels, a NIC's reads a dozen
 * sysfs files. The numbers are the same kernel counters OSHI reads. Where a file cannot be read (not Linux),
 * the reader answers null and the {@link Sampler} asks OSHI.
 */
final class ProcCounters {

    static final Path DISKSTATS = Path.of("/proc/diskstats");
    static final Path NET_DEV = Path.of("/proc/net/dev");
    static final Path MOUNTS = Path.of("/proc/self/mounts");
    private static final long SECTOR = 512; // /proc/diskstats counts 512-byte sectors whatever the device's size

    private ProcCounters() {
    }

    /** The file's text, or null when it cannot be read. */
    static String read(Path file) {
        try {
            return new String(Files.readAllBytes(file), StandardCharsets.UTF_8);
        } catch (IOException | UnsupportedOperationException | SecurityException e) {
            return null;
        }
    }

    /**
     * Disks of {@code /proc/diskstats} by the name OSHI gives them ({@code /dev/sda}): reads, bytes read, writes,
     * bytes written since boot.
     */
    static Map<String, long[]> disks(String diskstats) {
        Map<String, long[]> disks = new HashMap<>();
        for (String line : diskstats.split("\n")) {
            String[] f = line.trim().split("\\s+");
            if (f.length >= 10) {
                try {
                    disks.put("/dev/" + f[2], new long[] {Long.parseLong(f[3]), Long.parseLong(f[5]) * SECTOR,
                            Long.parseLong(f[7]), Long.parseLong(f[9]) * SECTOR});
                } catch (NumberFormatException e) {
                    // not a device line
                }
            }
        }
        return disks;
    }

    /** NICs of {@code /proc/net/dev} by name: bytes received, packets received, bytes sent, packets sent. */
    static Map<String, long[]> nics(String netDev) {
        Map<String, long[]> nics = new HashMap<>();
        for (String line : netDev.split("\n")) {
            int colon = line.indexOf(':');
            if (colon < 0) {
                continue;
            }
            String[] f = line.substring(colon + 1).trim().split("\\s+");
            if (f.length >= 10) {
                try {
                    nics.put(line.substring(0, colon).trim(), new long[] {Long.parseLong(f[0]), Long.parseLong(f[1]),
                            Long.parseLong(f[8]), Long.parseLong(f[9])});
                } catch (NumberFormatException e) {
                    // the header lines
                }
            }
        }
        return nics;
    }

    /** The mount points of {@code /proc/self/mounts}, unescaped ({@code \040} is a space). */
    static Set<String> mounts(String mounts) {
        Set<String> points = new HashSet<>();
        for (String line : mounts.split("\n")) {
            String[] f = line.split(" ");
            if (f.length >= 2) {
                points.add(unescape(f[1]));
            }
        }
        return points;
    }

    private static String unescape(String field) {
        if (field.indexOf('\\') < 0) {
            return field;
        }
        StringBuilder out = new StringBuilder(field.length());
        for (int i = 0; i < field.length(); i++) {
            char c = field.charAt(i);
            if (c == '\\' && i + 3 < field.length() && isOctal(field, i + 1)) {
                out.append((char) Integer.parseInt(field.substring(i + 1, i + 4), 8));
                i += 3;
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }

    private static boolean isOctal(String s, int from) {
        for (int i = from; i < from + 3; i++) {
            if (s.charAt(i) < '0' || s.charAt(i) > '7') {
                return false;
            }
        }
        return true;
    }
}
