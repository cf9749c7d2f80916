/**
 * The host monitor: on every node, a non-persistent {@code @Schedule} timer polls OSHI and stores the host
 * inventory and its time series. The module is part of both deployables from the start so that the
 * monitoring work only adds beans here.
 */
package org.cloudweb.monitor;
