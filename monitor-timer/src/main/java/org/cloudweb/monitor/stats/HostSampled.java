package org.cloudweb.monitor.stats;

/**
 * Fired (synchronously, outside any transaction) after a tick stored its sample, so that features that react
 * to the host's state, such as alert rules, need not be part of the tick itself. Observers must be quick: they
 * run on the monitor's timer thread.
 *
 * @param hostId the host of this node
 * @param seq the tick's sequence number
 * @param sample what the tick measured
 */
public record HostSampled(int hostId, long seq, Sample sample) {
}
