/**
 * The consistency check and the import in place: the filesystem under the data directory is the truth, the
 * {@code stobj} index follows it. {@link org.cloudweb.ejb.consistency.ConsistencyCheck} is plain JDBC and
 * {@code java.nio.file}, so the server runs it as a job and the launcher runs it from the command line against
 * a stopped server; the beans here give it the container's transactions and start it as a job.
 */
package org.cloudweb.ejb.consistency;
