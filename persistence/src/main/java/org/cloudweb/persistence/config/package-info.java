/** Settings that administrators change at runtime (table {@code webconf}). */
package org.cloudweb.persistence.config;
