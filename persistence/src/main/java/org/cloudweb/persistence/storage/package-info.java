/**
 * The index of the storage tree account → container → dir → file. Each row holds only its own name; the
 * path is the chain of parents, so moving a directory changes one row.
 */
package org.cloudweb.persistence.storage;
