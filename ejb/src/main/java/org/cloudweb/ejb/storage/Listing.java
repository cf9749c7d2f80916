package org.cloudweb.ejb.storage;

import java.util.List;

/**
 * What is at a path: for a directory, one page of its children in byte order of their names, with
 * {@code next} the marker of the next page; for a file, no entries.
 */
public record Listing(Entry entry, List<Entry> entries, String next) {
}
