/**
 * Rollups of the series: every node rolls up the completed five minutes (minimum, sum, maximum and sample count
 * per value) and hours (minimum, average, maximum and sample count) of its own host, catching up after downtime a
 * bounded number of them per run.
 */
package org.cloudweb.monitor.rollup;
