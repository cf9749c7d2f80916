/** The tick: a self-rescheduling, non-persistent EJB timer that registers the host, refreshes its inventory and samples. */
package org.cloudweb.monitor.timer;
