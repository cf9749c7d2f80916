/** Black-box tests of the consistency check and the import in place, against the real data directory and database. */
package org.cloudweb.it.consistency;
