/** Long-running operations and their progress. */
package org.cloudweb.persistence.job;
