package org.cloudweb.monitor.status;

import jakarta.json.bind.annotation.JsonbNillable;
import java.time.Instant;
import java.util.List;

/**
 * A host's status as its node last checked it.
 *
 * @param hostId         the host
 * @param checkedAt      when its last check round ran, or null if none has
 * @param stale          true when that round is older than three periods or the host is not available: its node
 *                       stopped, or its rounds hang (on a hung file system, say), so the figures may no longer hold
 * @param durationMillis how long the round took
 * @param checks         the service checks, by name
 * @param dataDir        the data directory
 * @param time           the clock
 */
@JsonbNillable
public record HostStatus(int hostId, Instant checkedAt, boolean stale, Long durationMillis, List<Check> checks,
                         DataDir dataDir, Time time) {

    public HostStatus {
        checks = List.copyOf(checks);
    }

    /** One service check: {@code kind} {@code process} or {@code tcp}, {@code target} what it names. */
    @JsonbNillable
    public record Check(String name, String kind, String target, boolean ok, String detail, Instant checkedAt) {
    }

    /** Whether files can be stored, and the space CloudWeb may still use (bytes). */
    @JsonbNillable
    public record DataDir(Boolean ok, Long freeBytes, String detail) {
    }

    /**
     * The kernel's clock discipline ({@code synchronised} null when unknown; offset and error bounds in
     * microseconds) and how far the database's clock is ahead of this host's (milliseconds).
     */
    @JsonbNillable
    public record Time(Boolean synchronised, Long offsetMicros, Long maxErrorMicros, Long estErrorMicros,
                       Long dbSkewMillis, String detail) {
    }
}
