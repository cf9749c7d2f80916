package org.cloudweb.ejb.config;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * A setting that can be changed at runtime: its name in the API and in {@code webconf}, its type and its
 * default. Values arrive as JSON values (Boolean, BigDecimal, String, or null for "back to the default"),
 * are stored as text and read back typed.
 *
 * @param <T> the Java type of the value
 */
public final class ConfigKey<T> {

    private static final Map<String, ConfigKey<?>> ALL = new LinkedHashMap<>();
    private static final Pattern IPV4 = Pattern.compile(
            "((25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)\\.){3}(25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)");
    private static final Pattern IPV6 = Pattern.compile("[0-9A-Fa-f:.]{2,45}");
    private static final String LABEL = "[A-Za-z0-9]([A-Za-z0-9-]{0,61}[A-Za-z0-9])?";
    private static final Pattern HOST_NAME = Pattern.compile("(?=.{1,253}$)" + LABEL + "(\\." + LABEL + ")*");
    private static final Pattern ADDRESS = Pattern.compile("[^@\\s,;<>\"]{1,64}@[A-Za-z0-9.-]{1,189}");

    /** Whether anyone may register; otherwise only admins create users. */
    public static final ConfigKey<Boolean> REGISTRATION_OPEN = new ConfigKey<>("registration.open", "a boolean",
            false, ConfigKey::parseBoolean, Boolean::valueOf, String::valueOf);
    /** How long a login token is valid (ISO-8601 duration, 1 s to 365 days). */
    public static final ConfigKey<Duration> TOKEN_TTL = new ConfigKey<>("token.ttl",
            "an ISO-8601 duration from PT1S to P365D",
            Duration.ofHours(24), ConfigKey::parseTtl, Duration::parse, Duration::toString);
    /** The byte limit of a new user's quota; null is unlimited. */
    public static final ConfigKey<Long> QUOTA_DEFAULT_MAX_BYTES = new ConfigKey<>("quota.default.max-bytes",
            "a non-negative integer or null", null, ConfigKey::parseCount, Long::valueOf, String::valueOf);
    /** The object limit of a new user's quota; null is unlimited. */
    public static final ConfigKey<Long> QUOTA_DEFAULT_MAX_OBJECTS = new ConfigKey<>("quota.default.max-objects",
            "a non-negative integer or null", null, ConfigKey::parseCount, Long::valueOf, String::valueOf);
    /** How long records are kept (ISO-8601 duration, at least one hour); null keeps them forever. */
    public static final ConfigKey<Duration> RECORDS_RETENTION = new ConfigKey<>("records.retention",
            "an ISO-8601 duration of at least PT1H, or null to keep records forever", null,
            ConfigKey::parseRetention, Duration::parse, Duration::toString);
    /**
     * Addresses of reverse proxies whose {@code X-Forwarded-For} is believed, so that records and login
     * throttling see the real client.
     */
    public static final ConfigKey<List<String>> TRUSTED_PROXIES = new ConfigKey<>("http.trusted-proxies",
            "a string of comma-separated IP addresses", List.of(), ConfigKey::parseAddresses,
            ConfigKey::parseAddresses, addresses -> String.join(",", addresses));
    /** How often every node samples its host (ISO-8601 duration, 1 s to 1 h); read again at every tick. */
    public static final ConfigKey<Duration> MONITOR_INTERVAL = new ConfigKey<>("monitor.interval",
            "an ISO-8601 duration from PT1S to PT1H", Duration.ofSeconds(10), ConfigKey::parseInterval,
            Duration::parse, Duration::toString);
    /** How long raw monitor samples are kept (ISO-8601 duration, at least one hour); pruned daily. */
    public static final ConfigKey<Duration> MONITOR_RETENTION_RAW = new ConfigKey<>("monitor.retention.raw",
            "an ISO-8601 duration of at least PT1H", Duration.ofDays(14), ConfigKey::parseRetention,
            Duration::parse, Duration::toString);
    /**
     * How long five-minute monitor rollups are kept (ISO-8601 duration, at least one hour); null keeps them as long
     * as raw samples ({@link #MONITOR_RETENTION_RAW}). Pruned daily.
     */
    public static final ConfigKey<Duration> MONITOR_RETENTION_FIVE_MINUTES = new ConfigKey<>("monitor.retention.5min",
            "an ISO-8601 duration of at least PT1H, or null to keep them as long as raw samples", null,
            ConfigKey::parseRetention, Duration::parse, Duration::toString);
    /** How long hourly monitor rollups are kept (ISO-8601 duration, at least one hour); pruned daily. */
    public static final ConfigKey<Duration> MONITOR_RETENTION_ROLLUPS = new ConfigKey<>("monitor.retention.rollups",
            "an ISO-8601 duration of at least PT1H", Duration.ofDays(365), ConfigKey::parseRetention,
            Duration::parse, Duration::toString);
    /**
     * The service checks every node runs against its own host, such as {@code process:mariadbd,tcp:127.0.0.1:3306}
     * (see {@link MonitorCheck}); none by default.
     */
    public static final ConfigKey<List<String>> MONITOR_CHECKS = new ConfigKey<>("monitor.checks",
            "a string of comma-separated checks, each process:<name> or tcp:<host>:<port>", List.of(),
            ConfigKey::parseChecks, ConfigKey::parseChecks, checks -> String.join(",", checks));

    private static final int MAX_STORED = 4000;

    /** The SMTP server alert e-mails go through (host name or IP address); null sends no e-mail. */
    public static final ConfigKey<String> SMTP_HOST = new ConfigKey<>("smtp.host",
            "a host name or IP address, or null to send no e-mail", null, ConfigKey::parseHost, Function.identity(),
            Function.identity());
    /** The SMTP server's port. */
    public static final ConfigKey<Integer> SMTP_PORT = new ConfigKey<>("smtp.port", "an integer from 1 to 65535", 25,
            ConfigKey::parsePort, Integer::valueOf, String::valueOf);
    /** The sender of alert e-mails. */
    public static final ConfigKey<String> SMTP_FROM = new ConfigKey<>("smtp.from", "an e-mail address",
            "cloudweb@localhost", ConfigKey::parseAddress, Function.identity(), Function.identity());
    /** The user name to sign in to the SMTP server with; null sends without signing in. */
    public static final ConfigKey<String> SMTP_USERNAME = new ConfigKey<>("smtp.username",
            "a string of at most 255 characters, or null", null, value -> parseText(value, 255), Function.identity(),
            Function.identity());
    /** The SMTP password: stored, never shown ({@link #isSecret()}). */
    public static final ConfigKey<String> SMTP_PASSWORD = new ConfigKey<>("smtp.password",
            "a string of at most 1024 characters, or null", null, value -> parseText(value, 1024),
            Function.identity(), Function.identity(), true);
    /**
     * How the SMTP connection is protected: {@code none}, {@code starttls} (plain connection upgraded, required)
     * or {@code tls} (TLS from the start, usually port 465).
     */
    public static final ConfigKey<String> SMTP_TLS = new ConfigKey<>("smtp.tls", "'none', 'starttls' or 'tls'",
            "none", ConfigKey::parseTlsMode, Function.identity(), Function.identity());

    /** What a secret setting shows instead of its value; putting it back leaves the value unchanged. */
    public static final String SECRET_MASK = "********";

    private final String name;
    private final String typeDescription;
    private final T defaultValue;
    private final Function<Object, T> parser;
    private final Function<String, T> reader;
    private final Function<T, String> formatter;
    private final boolean secret;

    private ConfigKey(String name, String typeDescription, T defaultValue, Function<Object, T> parser,
                      Function<String, T> reader, Function<T, String> formatter) {
        this(name, typeDescription, defaultValue, parser, reader, formatter, false);
    }

    private ConfigKey(String name, String typeDescription, T defaultValue, Function<Object, T> parser,
                      Function<String, T> reader, Function<T, String> formatter, boolean secret) {
        this.name = name;
        this.typeDescription = typeDescription;
        this.defaultValue = defaultValue;
        this.parser = parser;
        this.reader = reader;
        this.formatter = formatter;
        this.secret = secret;
        ALL.put(name, this);
    }

    public static Optional<ConfigKey<?>> named(String name) {
        return Optional.ofNullable(ALL.get(name));
    }

    public static Map<String, ConfigKey<?>> all() {
        return Collections.unmodifiableMap(ALL);
    }

    public String name() {
        return name;
    }

    public T defaultValue() {
        return defaultValue;
    }

    /** Whether the value is a secret: listed as {@link #SECRET_MASK} when set, and never logged or recorded. */
    public boolean isSecret() {
        return secret;
    }

    /**
     * Checks a value given through the API; null stands for the default.
     *
     * @throws IllegalArgumentException saying what the key expects
     */
    public T parse(Object value) {
        if (value == null) {
            return defaultValue;
        }
        String reason = "";
        try {
            T parsed = parser.apply(value);
            if (parsed != null) {
                return parsed;
            }
        } catch (Reason precise) {
            reason = ": " + precise.getMessage();
        } catch (RuntimeException invalid) {
            // reported below, in the API's words
        }
        throw new IllegalArgumentException(name + " must be " + typeDescription + reason);
    }

    /** The stored text of a value. */
    public String format(T value) {
        return formatter.apply(value);
    }

    /** Reads a stored text back; text that no longer parses (a hand-edited row) falls back to the default. */
    public T read(String stored) {
        try {
            T value = reader.apply(stored);
            return value != null ? value : defaultValue;
        } catch (RuntimeException unreadable) {
            return defaultValue;
        }
    }

    private static Boolean parseBoolean(Object value) {
        return value instanceof Boolean b ? b : null;
    }

    private static Duration parseTtl(Object value) {
        if (!(value instanceof String text)) {
            return null;
        }
        try {
            Duration ttl = Duration.parse(text);
            return ttl.compareTo(Duration.ofSeconds(1)) >= 0 && ttl.compareTo(Duration.ofDays(365)) <= 0 ? ttl : null;
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    private static Duration parseRetention(Object value) {
        if (!(value instanceof String text)) {
            return null;
        }
        try {
            Duration retention = Duration.parse(text);
            return retention.compareTo(Duration.ofHours(1)) >= 0 ? retention : null;
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    private static Duration parseInterval(Object value) {
        if (!(value instanceof String text)) {
            return null;
        }
        try {
            Duration interval = Duration.parse(text);
            return interval.compareTo(Duration.ofSeconds(1)) >= 0 && interval.compareTo(Duration.ofHours(1)) <= 0
                    && interval.getNano() == 0 ? interval : null;
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    private static Long parseCount(Object value) {
        if (!(value instanceof BigDecimal number) || number.signum() < 0) {
            return null;
        }
        return number.longValueExact();
    }

    private static String parseHost(Object value) {
        if (!(value instanceof String text)) {
            return null;
        }
        return HOST_NAME.matcher(text).matches() || IPV4.matcher(text).matches()
                || (text.contains(":") && IPV6.matcher(text).matches()) ? text : null;
    }

    private static Integer parsePort(Object value) {
        if (!(value instanceof BigDecimal number)) {
            return null;
        }
        int port = number.intValueExact();
        return port >= 1 && port <= 65_535 ? port : null;
    }

    private static String parseAddress(Object value) {
        return value instanceof String text && text.length() <= 254 && ADDRESS.matcher(text).matches() ? text : null;
    }

    private static String parseText(Object value, int maxLength) {
        return value instanceof String text && !text.isEmpty() && text.length() <= maxLength ? text : null;
    }

    private static String parseTlsMode(Object value) {
        return value instanceof String text && List.of("none", "starttls", "tls").contains(text) ? text : null;
    }

    private static List<String> parseAddresses(Object value) {
        if (!(value instanceof String text)) {
            return null;
        }
        List<String> addresses = Arrays.stream(text.split(",")).map(String::trim).filter(a -> !a.isEmpty()).toList();
        boolean valid = addresses.stream().allMatch(a -> IPV4.matcher(a).matches()
                || (a.contains(":") && IPV6.matcher(a).matches()));
        return valid ? addresses : null;
    }

    private static List<String> parseChecks(Object value) {
        if (!(value instanceof String text)) {
            return null;
        }
        List<String> checks;
        try {
            checks = MonitorCheck.parseList(text).stream().map(MonitorCheck::name).toList();
        } catch (IllegalArgumentException e) {
            throw new Reason(e.getMessage());
        }
        if (String.join(",", checks).length() > MAX_STORED) {
            throw new Reason("at most " + MAX_STORED + " characters in all");
        }
        return checks;
    }

    /** What exactly is wrong with a value, when a parser can say more than the key's description. */
    private static final class Reason extends RuntimeException {

        private static final long serialVersionUID = 1L;

        Reason(String message) {
            super(message, null, false, false);
        }
    }

    @Override
    public String toString() {
        return name;
    }
}
