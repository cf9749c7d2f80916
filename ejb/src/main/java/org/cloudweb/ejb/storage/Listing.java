package org.cloudweb.ejb.storage;

import java.util.List;

/** One page of a directory's children in byte order of their names; {@code next} is the marker of the next page. */
public record Listing(Entry directory, List<Entry> entries, String next) {
}
