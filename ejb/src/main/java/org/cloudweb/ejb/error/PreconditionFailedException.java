package org.cloudweb.ejb.error;

/** A conditional request's precondition ({@code If-Match}) does not hold. */
public class PreconditionFailedException extends ServiceException {

    private static final long serialVersionUID = 1L;

    public PreconditionFailedException(String message) {
        super("precondition_failed", message);
    }
}
