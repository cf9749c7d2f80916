/**
 * The host monitor: on every node, a non-persistent EJB timer polls OSHI and stores the host's identity,
 * inventory and time series ({@code host}, {@code host_*}, {@code stat_*}); admins read them through services
 * here. Features: {@code host} (identity, registration, inventory), {@code stats} (sampling, rates, series),
 * {@code timer} (the tick that drives both), {@code rollup} and {@code retention} (five-minute and hourly rollups,
 * pruning), {@code status} (service checks, data directory, clock), {@code load} (in-flight requests, the ranking)
 * and {@code alert} (threshold rules over the latest sample, their events and e-mails).
 */
package org.cloudweb.monitor;
