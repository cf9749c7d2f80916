package org.cloudweb.ejb.record;

import java.util.List;

/** Records newest first, and the cursor of the next page (null on the last page). */
public record RecordPage(List<RecordEntry> records, String next) {
}
