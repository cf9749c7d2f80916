package org.cloudweb.ejb.error;

/** The caller made too many attempts in a short time (e.g. failed logins) and must wait. */
public class TooManyRequestsException extends RetryableException {

    private static final long serialVersionUID = 1L;

    public TooManyRequestsException(String message, long retryAfterSeconds) {
        super("too_many_requests", message, retryAfterSeconds);
    }
}
