package org.cloudweb.monitor.status;

/**
 * The data directory as the last check round found it.
 *
 * @param ok        whether files can be stored now
 * @param freeBytes the space CloudWeb may still use on its file system, or null if unreadable
 * @param detail    in words
 */
public record DataDirState(boolean ok, Long freeBytes, String detail) {
}
