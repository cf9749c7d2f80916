package org.cloudweb.ejb.consistency;

/** What a check may change. */
public enum CheckMode {

    /** Reads only. */
    CHECK,
    /** Fixes the index to match the filesystem, removes stale temporary files, fixes quota usage. */
    REPAIR,
    /** Indexes what is on disk without a row (and makes users when asked); removes and changes no row. */
    IMPORT;

    public String label() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
