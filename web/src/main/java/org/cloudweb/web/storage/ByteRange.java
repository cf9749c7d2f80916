package org.cloudweb.web.storage;

/**
 * A single byte range of a {@code Range: bytes=...} header. Several ranges, other units or a malformed
 * header are ignored (the whole file is sent), as RFC 9110 allows.
 */
record ByteRange(long start, long length) {

    static final ByteRange UNSATISFIABLE = new ByteRange(-1, -1);

    /** The range asked for within {@code size} bytes, null for the whole file, or {@link #UNSATISFIABLE}. */
    static ByteRange parse(String header, long size) {
        if (header == null || !header.startsWith("bytes=") || header.contains(",")) {
            return null;
        }
        String spec = header.substring("bytes=".length()).strip();
        int dash = spec.indexOf('-');
        if (dash < 0) {
            return null;
        }
        try {
            String first = spec.substring(0, dash).strip();
            String last = spec.substring(dash + 1).strip();
            if (first.isEmpty()) { // the last N bytes
                long suffix = Long.parseLong(last);
                if (suffix <= 0) {
                    return UNSATISFIABLE;
                }
                return size == 0 ? UNSATISFIABLE : new ByteRange(Math.max(0, size - suffix), Math.min(suffix, size));
            }
            long start = Long.parseLong(first);
            long end = last.isEmpty() ? size - 1 : Math.min(Long.parseLong(last), size - 1);
            if (start < 0 || (!last.isEmpty() && Long.parseLong(last) < start)) {
                return null;
            }
            return start >= size ? UNSATISFIABLE : new ByteRange(start, end - start + 1);
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
