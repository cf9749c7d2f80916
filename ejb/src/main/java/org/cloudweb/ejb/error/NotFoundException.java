package org.cloudweb.ejb.error;

/** The addressed user, object or job does not exist (or is not visible to the caller). */
public class NotFoundException extends ServiceException {

    private static final long serialVersionUID = 1L;

    public NotFoundException(String message) {
        super("not_found", message);
    }
}
