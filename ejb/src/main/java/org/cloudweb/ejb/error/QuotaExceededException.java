package org.cloudweb.ejb.error;

/** The change would take the owner over their byte or object limit. */
public class QuotaExceededException extends ServiceException {

    private static final long serialVersionUID = 1L;

    public QuotaExceededException(String message) {
        super("quota_exceeded", message);
    }
}
