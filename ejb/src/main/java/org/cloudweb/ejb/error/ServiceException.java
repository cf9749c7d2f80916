package org.cloudweb.ejb.error;

import jakarta.ejb.ApplicationException;

/**
 * A failure the caller can understand and act on. The message is meant for the API client, so it must never
 * hold SQL, stack traces or filesystem paths. Throwing one rolls the transaction back.
 */
@ApplicationException(rollback = true, inherited = true)
public abstract class ServiceException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final String code;

    protected ServiceException(String code, String message) {
        super(message);
        this.code = code;
    }

    /** The stable error code of the API, e.g. {@code not_found}. */
    public String getCode() {
        return code;
    }
}
