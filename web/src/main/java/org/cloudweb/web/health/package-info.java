/** MicroProfile Health readiness checks: the node is ready when the database answers and the data dir takes writes. */
package org.cloudweb.web.health;
