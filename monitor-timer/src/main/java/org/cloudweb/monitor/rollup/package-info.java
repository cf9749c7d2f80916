/**
 * Hourly rollups of the series: every node rolls up the completed hours of its own host (minimum, average,
 * maximum and sample count per value), catching up after downtime a bounded number of hours per run.
 */
package org.cloudweb.monitor.rollup;
