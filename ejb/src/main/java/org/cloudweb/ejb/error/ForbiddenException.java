package org.cloudweb.ejb.error;

/** The caller is authenticated but may not do this (also {@code object_disabled}). */
public class ForbiddenException extends ServiceException {

    private static final long serialVersionUID = 1L;

    public ForbiddenException(String message) {
        super("forbidden", message);
    }

    /** With a more specific code, such as {@code object_disabled}. */
    public ForbiddenException(String code, String message) {
        super(code, message);
    }
}
