/** Black-box tests of search by name over HTTP, against the real database. */
package org.cloudweb.it.search;
