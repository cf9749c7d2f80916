/** The data directory: the filesystem root under which the accounts' files (the truth) are kept. */
package org.cloudweb.ejb.data;
