package org.cloudweb.monitor.host;

import java.time.Instant;

/** A host as listed: what it is and whether its node is reporting. */
public record HostSummary(int id, String name, String identity, String uuid, String product, String manufacturer,
                          String version, String serial, String os, Long memoryBytes, boolean available,
                          Instant registeredAt, Instant inventoryAt, Instant lastSeen) {
}
