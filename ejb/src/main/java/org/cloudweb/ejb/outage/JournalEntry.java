package org.cloudweb.ejb.outage;

import java.time.Instant;
import java.util.Map;

/**
 * One file operation served while the database was away, as the index must learn it: the action (as the audit
 * trail names it), its path, and what the index needs of the result. Who did it, from where and when come along
 * for the record.
 *
 * @param seq         position in its segment, from 1
 * @param action      {@code fs.put}, {@code fs.mkdir}, {@code fs.delete}, {@code fs.move} or {@code fs.get}
 * @param path        the path acted on ({@code /account/container/...}); for a move, its source
 * @param target      a move's target, else null
 * @param option      {@code recursive} of a delete, {@code overwrite} of a move; for a put, that it was journaled
 *                    after its commit failed (which may have gone through all the same)
 * @param status      the HTTP status the client got
 * @param size        bytes stored (put) or sent (get)
 * @param etag        MD5 (hex) of a stored file
 * @param contentType a stored file's content type, or null
 * @param metadata    a stored file's metadata, or null
 * @param time        when the operation was served
 * @param userId      the caller's user id
 * @param client      the caller's address
 */
public record JournalEntry(long seq, String action, String path, String target, boolean option, int status, long size,
                           String etag, String contentType, Map<String, String> metadata, Instant time, Long userId,
                           String client) {

    public static final String PUT = "fs.put";
    public static final String MKDIR = "fs.mkdir";
    public static final String DELETE = "fs.delete";
    public static final String MOVE = "fs.move";
    public static final String GET = "fs.get";

    /** The same entry at position {@code number} of its segment. */
    public JournalEntry withSeq(long number) {
        return new JournalEntry(number, action, path, target, option, status, size, etag, contentType, metadata, time,
                userId, client);
    }
}
