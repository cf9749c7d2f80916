package org.cloudweb.monitor.status;

/**
 * The kernel's clock discipline as {@code ntp_adjtime} reports it.
 *
 * @param synchronised   whether the kernel considers the clock synchronised; null when it could not be read
 * @param offsetMicros   the last measured offset from the reference, in microseconds
 * @param maxErrorMicros the maximum error bound, in microseconds
 * @param estErrorMicros the estimated error, in microseconds
 * @param detail         in words
 */
public record ClockState(Boolean synchronised, Long offsetMicros, Long maxErrorMicros, Long estErrorMicros,
                  String detail) {

    public static ClockState unknown(String why) {
        return new ClockState(null, null, null, null, "unknown: " + why);
    }
}
