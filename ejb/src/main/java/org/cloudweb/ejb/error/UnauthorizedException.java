package org.cloudweb.ejb.error;

/** The caller is not authenticated, or the credentials are wrong. */
public class UnauthorizedException extends ServiceException {

    private static final long serialVersionUID = 1L;

    public UnauthorizedException(String message) {
        super("unauthorized", message);
    }
}
