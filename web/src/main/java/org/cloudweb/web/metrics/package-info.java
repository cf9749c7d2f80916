/**
 * {@code /metrics}: this node's latest host sample as MicroProfile Metrics gauges and the API's request counters
 * and latencies, served by Payara in the Prometheus/OpenMetrics text format for an existing Prometheus to scrape.
 */
package org.cloudweb.web.metrics;
