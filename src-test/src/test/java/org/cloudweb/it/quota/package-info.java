/** Quota: limits, exact usage under concurrent writers, and every operation that changes usage. */
package org.cloudweb.it.quota;
