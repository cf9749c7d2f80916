package org.cloudweb.ejb.error;

/** The request conflicts with the current state: duplicates, or {@code not_empty} directories. */
public class ConflictException extends ServiceException {

    private static final long serialVersionUID = 1L;

    public ConflictException(String message) {
        super("conflict", message);
    }

    /** With a more specific code, such as {@code not_empty}. */
    public ConflictException(String code, String message) {
        super(code, message);
    }
}
