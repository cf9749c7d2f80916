package org.cloudweb.monitor.alert;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

/** The plain-text subject and body of an alert e-mail. */
public final class AlertMessages {

    private AlertMessages() {
    }

    /** Such as {@code [CloudWeb] FIRING: Memory almost full on web-1}. */
    public static String subject(Notice notice, String hostName) {
        String what = switch (notice.kind()) {
            case FIRING -> "FIRING";
            case REMINDER -> "Still firing";
            case RESOLVED -> "Resolved";
        };
        return "[CloudWeb] " + what + ": " + notice.rule().name() + " on " + host(notice, hostName);
    }

    public static String body(Notice notice, String hostName) {
        Rule rule = notice.rule();
        String unit = " " + rule.metric().unit();
        StringBuilder text = new StringBuilder();
        text.append("Alert rule \"").append(rule.name()).append("\" (rule ").append(rule.id()).append(") ")
                .append(switch (notice.kind()) {
                    case FIRING -> "is firing";
                    case REMINDER -> "is still firing";
                    case RESOLVED -> "has resolved";
                }).append(" on host ").append(host(notice, hostName)).append(" (host ").append(notice.hostId())
                .append(").\n\n");
        line(text, "Condition", rule.metric().apiName() + " " + rule.comparison().symbol() + " "
                + number(rule.threshold()) + unit + (rule.forDuration().isZero() ? ""
                : " for " + rule.forDuration()));
        line(text, "Clears when", "not " + rule.comparison().symbol() + " " + number(rule.effectiveClearThreshold())
                + unit);
        line(text, "Value at firing", number(notice.value()) + unit);
        if (notice.kind() == Notice.Kind.RESOLVED) {
            line(text, "Value at resolution", number(notice.current()) + unit);
        } else if (notice.kind() == Notice.Kind.REMINDER) {
            line(text, "Latest value", number(notice.current()) + unit);
        }
        line(text, "Firing since", time(notice.startedAt()));
        if (notice.resolvedAt() != null) {
            line(text, "Resolved at", time(notice.resolvedAt()) + " (after "
                    + Duration.between(notice.startedAt(), notice.resolvedAt()).truncatedTo(ChronoUnit.SECONDS) + ")");
        }
        if (notice.kind() != Notice.Kind.RESOLVED && rule.repeat() != null) {
            line(text, "Reminders", "every " + rule.repeat() + " while it fires");
        }
        line(text, "Event", String.valueOf(notice.eventId()));
        text.append("\nSent by CloudWeb's host monitor. The events are listed at GET /api/v1/alerts.\n");
        return text.toString();
    }

    /** A value with at most two decimals, without trailing zeros. */
    static String number(double value) {
        return BigDecimal.valueOf(value).setScale(2, RoundingMode.HALF_UP).stripTrailingZeros().toPlainString();
    }

    private static String host(Notice notice, String hostName) {
        return hostName != null ? hostName : "#" + notice.hostId();
    }

    private static String time(Instant instant) {
        return instant.truncatedTo(ChronoUnit.SECONDS).toString();
    }

    private static void line(StringBuilder text, String label, String value) {
        text.append(String.format("%-20s %s%n", label + ":", value));
    }
}
