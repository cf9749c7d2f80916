package org.cloudweb.ejb.search;

import java.util.List;
import org.cloudweb.ejb.storage.Entry;

/**
 * One page of search results: entries with their full paths, and the cursor of the next page (null at the
 * end). A page can hold fewer than the limit while {@code next} is still given: one request examines a bounded
 * number of candidates.
 */
public record SearchPage(List<Entry> results, String next) {
}
