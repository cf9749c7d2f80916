package org.cloudweb.ejb.consistency;

/** The kinds of disagreement between the data directory and the index that a check reports. */
public enum Finding {

    /** A file or directory on disk without a row (an account directory without its account row too). */
    UNINDEXED("unindexed", true),
    /** A row whose file or directory is gone (counted per row, a directory with its subtree). */
    MISSING("missing", true),
    /** A file whose size differs from its row's. */
    SIZE_MISMATCH("size_mismatch", true),
    /** A file changed after its row's modification time (same size). */
    MTIME_MISMATCH("mtime_mismatch", true),
    /** A file where the index has a directory, or the other way round. */
    TYPE_MISMATCH("type_mismatch", true),
    /** A temporary file or deleted tree in {@code <data>/tmp} older than an hour, left by a crash. */
    STALE_TEMP("stale_temp", true),
    /** An account whose quota usage differs from what its rows add up to. */
    QUOTA_DRIFT("quota_drift", true),
    /** Search trigrams of rows that no longer exist (left by deletes that bypassed the application). */
    ORPHAN_GRAMS("orphan_grams", true),
    /** Rows an import or repair noted for search trigrams it had not added when it stopped (a crash). */
    GRAMS_PENDING("grams_pending", true),
    /** A name the index cannot hold: not UTF-8, a control character, or indistinguishable from a sibling. */
    INVALID_NAME("invalid_name", false),
    /** A path longer than the index allows; nothing below it is looked at. */
    PATH_TOO_LONG("path_too_long", false),
    /** A symbolic link: never followed, never indexed. */
    SYMLINK("symlink", false),
    /** A device, FIFO or socket. */
    SPECIAL_FILE("special_file", false),
    /** A file directly in the data directory or an account directory, where only directories belong. */
    MISPLACED_FILE("misplaced_file", false),
    /** An account directory without a user of that name. */
    ACCOUNT_WITHOUT_USER("account_without_user", false),
    /** A directory or file that could not be read. */
    UNREADABLE("unreadable", false);

    private final String label;
    private final boolean repairable;

    Finding(String label, boolean repairable) {
        this.label = label;
        this.repairable = repairable;
    }

    /** The name in reports. */
    public String label() {
        return label;
    }

    /** Whether a repair fixes it; the others are reported and left for a person to decide. */
    public boolean repairable() {
        return repairable;
    }
}
