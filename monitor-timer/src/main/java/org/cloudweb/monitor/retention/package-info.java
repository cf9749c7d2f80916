/**
 * Retention of the series: a daily job removes raw samples, five-minute and hourly rollups older than their
 * settings, in bounded batches that each commit on their own.
 */
package org.cloudweb.monitor.retention;
