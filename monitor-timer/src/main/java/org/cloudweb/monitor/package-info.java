/**
 * The host monitor: on every node, a non-persistent EJB timer polls OSHI and stores the host's identity,
 * inventory and time series ({@code host}, {@code host_*}, {@code stat_*}); admins read them through services
 * here. Features: {@code host} (identity, registration, inventory), {@code stats} (sampling, rates, series) and
 * {@code timer} (the tick that drives both).
 */
package org.cloudweb.monitor;
