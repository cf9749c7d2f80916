package org.cloudweb.ejb.record;

import java.util.List;

/** Counts and bytes of records, grouped by action or by day (UTC). */
public record RecordSummary(String groupBy, List<Group> groups) {

    /** One group: its key (the action, or the day as yyyy-mm-dd), how many records and their bytes. */
    public record Group(String key, long count, long bytes) {
    }
}
