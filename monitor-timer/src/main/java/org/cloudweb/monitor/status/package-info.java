/**
 * Host status: every node's own check round (every 30 s, apart from the tick) of its data directory, its
 * kernel clock ({@code ntp_adjtime} through JNA) and skew against the database clock, and the service checks of
 * {@code monitor.checks} (process names from OSHI's process list, TCP connections); stored in
 * {@code host_status} / {@code host_check} so that any node answers for any host, stale once rounds stop.
 */
package org.cloudweb.monitor.status;
