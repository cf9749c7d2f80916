/** Black-box tests of the file API against the real data directory and database. */
package org.cloudweb.it.storage;
