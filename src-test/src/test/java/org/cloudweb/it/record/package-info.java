/** The audit trail: what is recorded, who sees it, how it is paged, summed up and pruned. */
package org.cloudweb.it.record;
