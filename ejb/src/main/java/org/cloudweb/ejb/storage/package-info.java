/**
 * The storage tree: accounts, containers, directories and files. The filesystem under the data directory
 * holds the bytes and the tree; {@code stobj} indexes it (names only, never paths), so listing, moving and
 * searching are fast. Bytes stream outside transactions; the index, quota usage and records change in one.
 */
package org.cloudweb.ejb.storage;
