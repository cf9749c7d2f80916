/** The database stopped and started again under the running server: files keep being served, journaled changes replayed. */
package org.cloudweb.it.outage;
