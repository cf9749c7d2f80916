package org.cloudweb.ejb.error;

/** The uploaded bytes do not match the MD5 the client announced. */
public class ChecksumMismatchException extends ServiceException {

    private static final long serialVersionUID = 1L;

    public ChecksumMismatchException(String message) {
        super("checksum_mismatch", message);
    }
}
