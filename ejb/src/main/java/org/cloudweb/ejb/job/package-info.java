/** Long operations that run in the background (large copies, later fsck and import) and their progress. */
package org.cloudweb.ejb.job;
