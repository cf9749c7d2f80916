/**
 * Serving files while the database is unreachable: the outage is noticed and probed until the database answers
 * again; meanwhile reads come from the filesystem and file changes are made on disk and appended to a journal
 * in the data directory, which is replayed into the index, quotas and records, each entry exactly once.
 */
package org.cloudweb.ejb.outage;
