package org.cloudweb.ejb.error;

/** The request is malformed or breaks a rule (codes such as {@code invalid_name}, {@code path_too_long}). */
public class BadRequestException extends ServiceException {

    private static final long serialVersionUID = 1L;

    public BadRequestException(String message) {
        super("bad_request", message);
    }

    /** With a more specific code, such as {@code invalid_name} or {@code path_too_long}. */
    public BadRequestException(String code, String message) {
        super(code, message);
    }
}
