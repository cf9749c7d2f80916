/**
 * {@code /hosts}: the monitored hosts, their inventory, series and status (administrators only), the load
 * ranking (any signed-in user), and the filter that counts the requests in progress for it.
 */
package org.cloudweb.web.monitor;
