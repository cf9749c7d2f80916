/**
 * Host load and the ranking: the requests in progress on this node (counted by the web tier's filter, averaged
 * over each tick), stored with the tick's CPU and memory use in {@code host_status}, and the hosts ranked by a
 * weighted score, least loaded first.
 */
package org.cloudweb.monitor.load;
