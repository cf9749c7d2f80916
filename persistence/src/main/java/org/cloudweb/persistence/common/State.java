package org.cloudweb.persistence.common;

/** Whether a user or a stored object may be used. Stored as {@code enabled} / {@code disabled}. */
public enum State {
    ENABLED,
    DISABLED
}
