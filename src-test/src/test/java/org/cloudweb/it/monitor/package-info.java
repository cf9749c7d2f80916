/** The host monitor: the timer's rows, duplicate-free registration, and the {@code /hosts} API. */
package org.cloudweb.it.monitor;
