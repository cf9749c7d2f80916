/** Per-user storage limits and the usage that every change maintains in its own transaction. */
package org.cloudweb.persistence.quota;
