package org.cloudweb.ejb.record;

import java.time.Instant;

/** One record as it is read back, with the user's current name (null once the user is deleted). */
public record RecordEntry(long id, Instant time, Long userId, String userName, String action, String path,
                          Long objectId, int status, long bytes, String client, String detail) {
}
