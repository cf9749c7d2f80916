package org.cloudweb.monitor.status;

/**
 * The outcome of one service check.
 *
 * @param name   the check as written in {@code monitor.checks}
 * @param ok     whether the service is there
 * @param detail in words: how many processes, how long the connection took, or what went wrong
 */
public record CheckResult(String name, boolean ok, String detail) {
}
