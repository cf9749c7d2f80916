package org.cloudweb.ejb.config;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * One service check of the {@code monitor.checks} setting, which every node runs against its own host:
 * {@code process:<name>} (a process of that name is running) or {@code tcp:<host>:<port>} (a TCP connection
 * to it opens; an IPv6 address goes in brackets, {@code tcp:[::1]:5432}). The written form is the check's name.
 *
 * @param kind   {@code process} or {@code tcp}
 * @param target the process name, or {@code host:port}
 * @param host   the host of a TCP check (without brackets), else null
 * @param port   the port of a TCP check, else 0
 */
public record MonitorCheck(String kind, String target, String host, int port) {

    public static final String PROCESS = "process";
    public static final String TCP = "tcp";
    /** More would make a check round long (each TCP check may wait up to its timeout). */
    public static final int MAX_CHECKS = 32;
    static final int MAX_NAME = 255;

    private static final Pattern PORT = Pattern.compile("[1-9][0-9]{0,4}");
    private static final Pattern LABEL = Pattern.compile("[A-Za-z0-9]([A-Za-z0-9-]{0,61}[A-Za-z0-9])?");
    private static final Pattern NUMERIC = Pattern.compile("[0-9.]+");
    private static final Pattern IPV4 = Pattern.compile(
            "((25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)\\.){3}(25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)");
    private static final Pattern IPV6 = Pattern.compile("[0-9A-Fa-f:.]{2,45}(%[A-Za-z0-9_.-]{1,32})?");

    /** The check's name as written in the setting, and as reported. */
    public String name() {
        return kind + ":" + target;
    }

    /**
     * Reads one check.
     *
     * @throws IllegalArgumentException saying what is wrong with it
     */
    public static MonitorCheck parse(String text) {
        int colon = text.indexOf(':');
        if (colon < 0) {
            throw new IllegalArgumentException(quote(text) + " is not kind:target");
        }
        String kind = text.substring(0, colon);
        String target = text.substring(colon + 1);
        if (text.length() > MAX_NAME) {
            throw new IllegalArgumentException("a check is at most " + MAX_NAME + " characters");
        }
        return switch (kind) {
            case PROCESS -> process(target);
            case TCP -> tcp(target);
            default -> throw new IllegalArgumentException("unknown kind " + quote(kind) + " (process or tcp)");
        };
    }

    /**
     * Reads a comma-separated list of checks; an empty (or blank) text is no checks. Entries are trimmed;
     * empty entries and repeated checks are refused.
     *
     * @throws IllegalArgumentException saying what is wrong
     */
    public static List<MonitorCheck> parseList(String text) {
        List<MonitorCheck> checks = new ArrayList<>();
        if (text.isBlank()) {
            return checks;
        }
        Set<String> names = new HashSet<>();
        for (String entry : text.split(",", -1)) {
            MonitorCheck check = parse(entry.strip());
            if (!names.add(check.name())) {
                throw new IllegalArgumentException(quote(check.name()) + " is listed twice");
            }
            checks.add(check);
        }
        if (checks.size() > MAX_CHECKS) {
            throw new IllegalArgumentException("at most " + MAX_CHECKS + " checks");
        }
        return checks;
    }

    private static MonitorCheck process(String name) {
        if (name.isEmpty() || !name.equals(name.strip())) {
            throw new IllegalArgumentException("a process check needs a name without surrounding spaces");
        }
        if (name.chars().anyMatch(c -> c < 0x20 || c == 0x7f)) {
            throw new IllegalArgumentException("a process name has no control characters");
        }
        return new MonitorCheck(PROCESS, name, null, 0);
    }

    private static MonitorCheck tcp(String target) {
        int colon = target.lastIndexOf(':');
        if (colon < 0 || !PORT.matcher(target.substring(colon + 1)).matches()
                || Integer.parseInt(target.substring(colon + 1)) > 65_535) {
            throw new IllegalArgumentException("a TCP check is tcp:<host>:<port> with a port from 1 to 65535");
        }
        String host = target.substring(0, colon);
        int port = Integer.parseInt(target.substring(colon + 1));
        if (host.startsWith("[") && host.endsWith("]")) {
            String address = host.substring(1, host.length() - 1);
            if (!address.contains(":") || !IPV6.matcher(address).matches()) {
                throw new IllegalArgumentException(quote(host) + " is not an IPv6 address");
            }
            return new MonitorCheck(TCP, target, address, port);
        }
        if (!isHostName(host)) {
            throw new IllegalArgumentException(quote(host) + " is not a host name or an address");
        }
        return new MonitorCheck(TCP, target, host, port);
    }

    private static String quote(String text) {
        return "'" + (text.length() > 64 ? text.substring(0, 64) + "…" : text) + "'";
    }

    private static boolean isHostName(String host) {
        if (host.isEmpty() || host.length() > 253) {
            return false;
        }
        if (NUMERIC.matcher(host).matches()) {
            return IPV4.matcher(host).matches();
        }
        for (String label : host.split("\\.", -1)) {
            if (!LABEL.matcher(label).matches()) {
                return false;
            }
        }
        return true;
    }
}
