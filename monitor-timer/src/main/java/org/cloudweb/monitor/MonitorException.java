package org.cloudweb.monitor;

/** The monitor could not read or store something; the tick logs it and the next tick tries again. */
public class MonitorException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public MonitorException(String message) {
        super(message);
    }

    public MonitorException(String message, Throwable cause) {
        super(message, cause);
    }
}
