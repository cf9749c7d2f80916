package org.cloudweb.monitor.stats;

import oshi.hardware.CentralProcessor.TickType;

/** CPU time shares per mille between two tick arrays (OSHI's {@code getSystemCpuLoadTicks}). */
final class CpuShares {

    private CpuShares() {
    }

    /** busy, user, system, iowait per mille; null when the counters went backwards or did not move. */
    static int[] between(long[] previous, long[] current) {
        long[] delta = new long[current.length];
        long total = 0;
        for (int i = 0; i < current.length; i++) {
            delta[i] = current[i] - previous[i];
            if (delta[i] < 0) {
                return null;
            }
            total += delta[i];
        }
        if (total == 0) {
            return null;
        }
        long idle = delta[TickType.IDLE.getIndex()] + delta[TickType.IOWAIT.getIndex()];
        long user = delta[TickType.USER.getIndex()] + delta[TickType.NICE.getIndex()];
        long system = delta[TickType.SYSTEM.getIndex()] + delta[TickType.IRQ.getIndex()]
                + delta[TickType.SOFTIRQ.getIndex()];
        return new int[] {perMille(total - idle, total), perMille(user, total), perMille(system, total),
                perMille(delta[TickType.IOWAIT.getIndex()], total)};
    }

    static int perMille(long part, long total) {
        return (int) Math.max(0, Math.min(1000, Math.round(part * 1000.0 / total)));
    }
}
