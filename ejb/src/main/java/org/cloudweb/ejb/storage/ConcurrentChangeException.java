package org.cloudweb.ejb.storage;

import java.sql.SQLIntegrityConstraintViolationException;
import org.cloudweb.ejb.error.ConflictException;

/**
 * Another request created the same file or directory between our look and our insert. An application
 * exception, so the container rolls back without logging a system failure; the upload simply tries again.
 */
public class ConcurrentChangeException extends ConflictException {

    private static final long serialVersionUID = 1L;

    ConcurrentChangeException(String path) {
        super("A concurrent request changed " + path + "; try again");
    }

    /** Whether a failure comes from a unique key that a concurrent insert took first. */
    static boolean isDuplicateKey(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof SQLIntegrityConstraintViolationException) {
                return true;
            }
        }
        return false;
    }
}
