package org.cloudweb.ejb.record;

import java.time.Instant;

/**
 * Which records to read; a null field does not filter.
 *
 * @param userId     the user the records are of
 * @param pathPrefix records whose path starts with this text
 * @param action     exactly this action
 * @param since      at or after this time
 * @param until      before this time
 */
public record RecordFilter(Long userId, String pathPrefix, String action, Instant since, Instant until) {

    RecordFilter forUser(Long user) {
        return new RecordFilter(user, pathPrefix, action, since, until);
    }
}
