/** Runtime settings (table {@code webconf}): typed keys with defaults, read and changed without a restart. */
package org.cloudweb.ejb.config;
