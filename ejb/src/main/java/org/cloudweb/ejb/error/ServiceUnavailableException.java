package org.cloudweb.ejb.error;

/** The call needs a resource that is down for now (e.g. the database); it can be retried later. */
public class ServiceUnavailableException extends RetryableException {

    private static final long serialVersionUID = 1L;

    public ServiceUnavailableException(String message, long retryAfterSeconds) {
        super("service_unavailable", message, retryAfterSeconds);
    }
}
