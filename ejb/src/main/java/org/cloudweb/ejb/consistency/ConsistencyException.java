package org.cloudweb.ejb.consistency;

/** A check could not go on (the database failed); the unit it was in is rolled back. */
public class ConsistencyException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public ConsistencyException(String message, Throwable cause) {
        super(message, cause);
    }
}
