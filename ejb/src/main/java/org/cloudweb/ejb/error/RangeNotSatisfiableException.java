package org.cloudweb.ejb.error;

/** The requested byte range lies outside the file. */
public class RangeNotSatisfiableException extends ServiceException {

    private static final long serialVersionUID = 1L;

    public RangeNotSatisfiableException(String message) {
        super("range_not_satisfiable", message);
    }
}
