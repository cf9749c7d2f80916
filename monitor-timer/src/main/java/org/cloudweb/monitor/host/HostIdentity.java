package org.cloudweb.monitor.host;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;
import java.util.function.Supplier;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.regex.Pattern;

/**
 * Finds the key of the host row this node belongs to: the hardware UUID, else the hardware serial, else
 * {@code /etc/machine-id}, else a UUID generated once and kept in the data directory. On virtual machines the
 * firmware answers placeholders such as "unknown" or all zeros; those are never keys, or every VM would be one
 * host. The sources are given, so the chain can be tested without the hardware.
 */
public final class HostIdentity {

    private static final Logger LOG = Logger.getLogger(HostIdentity.class.getName());

    /** What firmware and OSHI answer when they do not know; compared lower-case, without spaces and dashes. */
    private static final Set<String> PLACEHOLDERS = Set.of("", "unknown", "none", "null", "na", "n/a",
            "defaultstring", "tobefilledbyo.e.m.", "notspecified", "notapplicable", "systemserialnumber",
            "systemuuid", "0123456789", "123456789", "chassisserialnumber", "default", "oem", "o.e.m.", "empty");
    private static final Pattern REPEATED = Pattern.compile("(.)\\1*");
    private static final Pattern MACHINE_ID = Pattern.compile("[0-9a-f]{32}");
    static final String GENERATED_FILE = "host-id";

    /** The key and where it came from ({@code hw-uuid}, {@code serial}, {@code machine-id}, {@code generated}). */
    public record Key(String source, String value) {
        public Key {
            if (source == null || value == null || value.isBlank()) {
                throw new IllegalArgumentException("An identity needs a source and a value");
            }
        }

        /** The text of {@code host.identity_key}. */
        public String text() {
            return source + ":" + value;
        }
    }

    private final Supplier<String> hardwareUuid;
    private final Supplier<String> serial;
    private final Path machineIdFile;
    private final Path dataDirectory;

    public HostIdentity(Supplier<String> hardwareUuid, Supplier<String> serial, Path machineIdFile,
                        Path dataDirectory) {
        this.hardwareUuid = hardwareUuid;
        this.serial = serial;
        this.machineIdFile = machineIdFile;
        this.dataDirectory = dataDirectory;
    }

    /** The first source in the chain that gives a real value; creates the generated one if it comes to that. */
    public Key find() {
        String uuid = meaningful(read(hardwareUuid));
        if (uuid != null) {
            return new Key("hw-uuid", uuid.toLowerCase(Locale.ROOT));
        }
        String serialNumber = meaningful(read(serial));
        if (serialNumber != null) {
            return new Key("serial", serialNumber);
        }
        String machineId = machineId();
        if (machineId != null) {
            return new Key("machine-id", machineId);
        }
        return new Key("generated", generated());
    }

    /** The value, trimmed, or null if it is a placeholder or a run of one character (all zeros, all F). */
    static String meaningful(String value) {
        if (value == null) {
            return null;
        }
        String trimmed = value.strip();
        String plain = trimmed.toLowerCase(Locale.ROOT).replace(" ", "").replace("-", "").replace("_", "");
        if (PLACEHOLDERS.contains(plain) || REPEATED.matcher(plain).matches() || trimmed.length() > 100) {
            return null;
        }
        return trimmed;
    }

    private static String read(Supplier<String> source) {
        try {
            return source.get();
        } catch (RuntimeException unreadable) {
            LOG.log(Level.FINE, "Identity source unreadable", unreadable);
            return null;
        }
    }

    private String machineId() {
        if (machineIdFile == null || !Files.isReadable(machineIdFile)) {
            return null;
        }
        try {
            String id = Files.readString(machineIdFile, StandardCharsets.US_ASCII).strip().toLowerCase(Locale.ROOT);
            return MACHINE_ID.matcher(id).matches() && meaningful(id) != null ? id : null;
        } catch (IOException e) {
            LOG.log(Level.FINE, "Cannot read " + machineIdFile, e);
            return null;
        }
    }

    private String generated() {
        Path file = dataDirectory.resolve(GENERATED_FILE);
        try {
            Files.createDirectories(dataDirectory);
            if (!Files.exists(file)) {
                Path temp = Files.createTempFile(dataDirectory, ".host-id-", ".tmp");
                Files.writeString(temp, UUID.randomUUID() + "\n", StandardCharsets.US_ASCII);
                try {
                    // a link, not a move: of two processes racing here, the first file wins and both read it
                    Files.createLink(file, temp);
                    LOG.log(Level.INFO, "Generated a host identity in {0}", file);
                } catch (FileAlreadyExistsException raced) {
                    // the other one's id is the host's id
                } finally {
                    Files.deleteIfExists(temp);
                }
            }
            return UUID.fromString(Files.readString(file, StandardCharsets.US_ASCII).strip()).toString();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot keep the host identity in " + file, e);
        }
    }
}
