package org.cloudweb.monitor.stats;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ProcCountersTest {

    @Test
    void diskstatsGiveReadsBytesReadWritesAndBytesWrittenPerDiskInOshisNames() {
        Map<String, long[]> disks = ProcCounters.disks("""
                   7       0 loop0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0
                 254       0 vda 3541395 129430 116945458 724445 9985642 2665950 385946776 1997960 0 597752 2897469 1271302 1026 230199648 75448 2472849 99614
                 259       1 nvme0n1p1 12 0 96 4 3 1 24 0
                """);

        assertArrayEquals(new long[] {3541395, 116945458L * 512, 9985642, 385946776L * 512}, disks.get("/dev/vda"),
                "sectors of 512 bytes");
        assertArrayEquals(new long[] {12, 96 * 512, 3, 24 * 512}, disks.get("/dev/nvme0n1p1"),
                "kernels before 4.18 print fewer columns");
        assertEquals(3, disks.size());
    }

    @Test
    void netDevGivesBytesAndPacketsBothWaysPerNic() {
        Map<String, long[]> nics = ProcCounters.nics("""
                Inter-|   Receive                                                |  Transmit
                 face |bytes    packets errs drop fifo frame compressed multicast|bytes    packets errs drop fifo colls carrier compressed
                    lo: 25416239964 14778357    0    0    0     0          0         0 25416239964 14778357    0    0    0     0       0          0
                  eth0:1528787023   42589    0    0    0     0          0         0  4308050   38925    0    0    0     0       0          0
                """);

        assertArrayEquals(new long[] {1528787023, 42589, 4308050, 38925}, nics.get("eth0"),
                "a large counter runs into the colon");
        assertArrayEquals(new long[] {25416239964L, 14778357, 25416239964L, 14778357}, nics.get("lo"));
        assertEquals(2, nics.size(), "no header lines");
    }

    @Test
    void mountPointsAreUnescaped() {
        Set<String> mounts = ProcCounters.mounts("""
                /dev/vda1 / ext4 rw,relatime 0 0
                /dev/vdb1 /srv/cloud\\040web\\134data xfs rw 0 0
                tmpfs /run/a\\b tmpfs rw 0 0
                """);

        assertEquals(Set.of("/", "/srv/cloud web\\data", "/run/a\\b"), mounts);
    }

    @Test
    void anUnreadableFileIsNull() {
        assertNull(ProcCounters.read(Path.of("/nonexistent/proc/diskstats")));
    }
}
