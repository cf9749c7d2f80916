/** The audit trail: one row per state-changing call and per download, kept after users and objects go. */
package org.cloudweb.persistence.record;
