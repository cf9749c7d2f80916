package org.cloudweb.ejb.error;

/** A refusal that will pass if the caller waits: it says how long, for a {@code Retry-After} header. */
public abstract class RetryableException extends ServiceException {

    private static final long serialVersionUID = 1L;

    private final long retryAfterSeconds;

    protected RetryableException(String code, String message, long retryAfterSeconds) {
        super(code, message);
        this.retryAfterSeconds = retryAfterSeconds;
    }

    public long getRetryAfterSeconds() {
        return retryAfterSeconds;
    }
}
