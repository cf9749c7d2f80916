package org.cloudweb.ejb.consistency;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * The outcome of a check: how much was looked at, a count per {@link Finding} with the first few paths of
 * each as examples (so a report stays small whatever the tree holds), and what was repaired.
 */
public final class ConsistencyReport {

    /** Examples kept per kind of finding. */
    public static final int EXAMPLES = 20;
    private static final int EXAMPLE_LENGTH = 512;
    private static final int SUMMARY_LENGTH = 1024;

    private final CheckMode mode;
    private final String account;
    private final Map<Finding, Long> counts = new EnumMap<>(Finding.class);
    private final Map<Finding, List<String>> examples = new EnumMap<>(Finding.class);
    private final Map<Checked, Long> checked = new EnumMap<>(Checked.class);
    private final Map<Repair, Long> repaired = new EnumMap<>(Repair.class);

    /** What was looked at. */
    public enum Checked {
        ACCOUNTS("accounts"), DIRECTORIES("directories"), FILES("files"), BYTES("bytes");

        final String label;

        Checked(String label) {
            this.label = label;
        }
    }

    /** What was changed. */
    public enum Repair {
        ROWS_ADDED("rowsAdded"), ROWS_UPDATED("rowsUpdated"), ROWS_REMOVED("rowsRemoved"),
        TEMP_REMOVED("tempRemoved"), QUOTAS_FIXED("quotasFixed"), USERS_CREATED("usersCreated"),
        GRAMS_REMOVED("gramsRemoved"), GRAMS_ADDED("gramsAdded");

        final String label;

        Repair(String label) {
            this.label = label;
        }
    }

    public ConsistencyReport(CheckMode mode, String account) {
        this.mode = mode;
        this.account = account;
        for (Finding kind : Finding.values()) {
            counts.put(kind, 0L);
            examples.put(kind, new ArrayList<>());
        }
        for (Checked item : Checked.values()) {
            checked.put(item, 0L);
        }
        for (Repair item : Repair.values()) {
            repaired.put(item, 0L);
        }
    }

    void add(Finding kind, String example) {
        add(kind, example, 1);
    }

    /** {@code n} findings of one kind, e.g. the rows of a missing directory, shown by one example. */
    void add(Finding kind, String example, long n) {
        counts.merge(kind, n, Long::sum);
        List<String> shown = examples.get(kind);
        if (shown.size() < EXAMPLES && example != null) {
            shown.add(example.length() <= EXAMPLE_LENGTH ? example : example.substring(0, EXAMPLE_LENGTH - 1) + "…");
        }
    }

    void checked(Checked item, long n) {
        checked.merge(item, n, Long::sum);
    }

    void repaired(Repair item, long n) {
        repaired.merge(item, n, Long::sum);
    }

    public CheckMode mode() {
        return mode;
    }

    public long count(Finding kind) {
        return counts.get(kind);
    }

    public List<String> examples(Finding kind) {
        return List.copyOf(examples.get(kind));
    }

    public long checked(Checked item) {
        return checked.get(item);
    }

    public long repaired(Repair item) {
        return repaired.get(item);
    }

    /** All findings, of every kind. */
    public long findings() {
        return counts.values().stream().mapToLong(Long::longValue).sum();
    }

    /** Findings that a repair leaves alone (names the index cannot hold, links, user-less accounts, …). */
    public long unrepairable() {
        return counts.entrySet().stream().filter(e -> !e.getKey().repairable()).mapToLong(Map.Entry::getValue).sum();
    }

    /** One line, for a job's result and the audit trail. */
    public String summary() {
        StringBuilder text = new StringBuilder(mode.label()).append(" of ")
                .append(account == null ? "all accounts" : account).append(": ")
                .append(checked(Checked.ACCOUNTS)).append(" accounts, ")
                .append(checked(Checked.DIRECTORIES)).append(" directories, ")
                .append(checked(Checked.FILES)).append(" files, ")
                .append(checked(Checked.BYTES)).append(" bytes; ")
                .append(findings()).append(" findings");
        StringBuilder kinds = new StringBuilder();
        counts.forEach((kind, n) -> {
            if (n > 0) {
                kinds.append(kinds.length() == 0 ? "" : ", ").append(kind.label()).append(' ').append(n);
            }
        });
        if (kinds.length() > 0) {
            text.append(" (").append(kinds).append(')');
        }
        StringBuilder changes = new StringBuilder();
        repaired.forEach((item, n) -> {
            if (n > 0) {
                changes.append(changes.length() == 0 ? "" : ", ").append(item.label).append(' ').append(n);
            }
        });
        if (changes.length() > 0) {
            text.append("; repaired: ").append(changes);
        }
        return text.length() <= SUMMARY_LENGTH ? text.toString() : text.substring(0, SUMMARY_LENGTH - 1) + "…";
    }

    /**
     * The whole report as a JSON object: {@code mode}, {@code account}, {@code checked}, {@code findings} (every
     * kind, zeros included), {@code examples} (kinds with findings only) and {@code repaired}. Written by hand:
     * the command line has no JSON provider.
     */
    public String toJson() {
        StringBuilder json = new StringBuilder("{\"mode\":");
        string(json, mode.label());
        json.append(",\"account\":");
        if (account == null) {
            json.append("null");
        } else {
            string(json, account);
        }
        json.append(",\"checked\":{");
        checked.forEach((item, n) -> json.append(item.ordinal() == 0 ? "" : ",").append('"').append(item.label)
                .append("\":").append(n));
        json.append("},\"findings\":{");
        counts.forEach((kind, n) -> json.append(kind.ordinal() == 0 ? "" : ",").append('"').append(kind.label())
                .append("\":").append(n));
        json.append("},\"examples\":{");
        boolean first = true;
        for (Map.Entry<Finding, List<String>> kind : examples.entrySet()) {
            if (kind.getValue().isEmpty()) {
                continue;
            }
            json.append(first ? "\"" : ",\"").append(kind.getKey().label()).append("\":[");
            first = false;
            for (int i = 0; i < kind.getValue().size(); i++) {
                json.append(i == 0 ? "" : ",");
                string(json, kind.getValue().get(i));
            }
            json.append(']');
        }
        json.append("},\"repaired\":{");
        repaired.forEach((item, n) -> json.append(item.ordinal() == 0 ? "" : ",").append('"').append(item.label)
                .append("\":").append(n));
        return json.append("}}").toString();
    }

    private static void string(StringBuilder json, String value) {
        json.append('"');
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c == '"' || c == '\\') {
                json.append('\\').append(c);
            } else if (c < 0x20 || Character.isSurrogate(c) && !validSurrogate(value, i)) {
                json.append(String.format("\\u%04x", (int) c));
            } else {
                json.append(c);
            }
        }
        json.append('"');
    }

    /** A lone surrogate (an example clipped inside a pair) is escaped rather than written as invalid text. */
    private static boolean validSurrogate(String value, int i) {
        char c = value.charAt(i);
        return Character.isHighSurrogate(c) ? i + 1 < value.length() && Character.isLowSurrogate(value.charAt(i + 1))
                : i > 0 && Character.isHighSurrogate(value.charAt(i - 1));
    }
}
