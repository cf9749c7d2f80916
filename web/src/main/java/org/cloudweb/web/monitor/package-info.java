/** {@code /hosts}: the monitored hosts, their inventory and their series (administrators only). */
package org.cloudweb.web.monitor;
