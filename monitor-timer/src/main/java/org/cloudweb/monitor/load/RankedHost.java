package org.cloudweb.monitor.load;

import java.time.Instant;

/**
 * A host in the load ranking, with the figures of its last tick.
 *
 * @param hostId        the host
 * @param name          its name
 * @param score         see {@link LoadScore}: 0 idle to 100 fully loaded, one decimal
 * @param cpuPercent    CPU time busy over the last interval
 * @param memoryPercent memory in use (not available without swapping)
 * @param inFlight      the average number of requests in progress on its node over the last interval
 * @param cpuThreads    the CPU threads its node may use
 * @param sampledAt     the tick these figures come from
 */
public record RankedHost(int hostId, String name, double score, double cpuPercent, double memoryPercent,
                         double inFlight, int cpuThreads, Instant sampledAt) {
}
