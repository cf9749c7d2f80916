/**
 * Time series of a host: sampling OSHI's counters, turning consecutive counters into per-second rates, writing
 * the compact {@code stat_*} rows and reading them back as series.
 */
package org.cloudweb.monitor.stats;
