package org.cloudweb.ejb.storage;

import java.util.Map;
import java.util.regex.Pattern;
import org.cloudweb.ejb.error.BadRequestException;

/** Rules for user metadata ({@code X-Meta-<key>: <value>}): keys are header-safe tokens, values short text. */
public final class Metadata {

    public static final int MAX_ENTRIES = 64;
    private static final Pattern KEY = Pattern.compile("[A-Za-z0-9_-]{1,128}");
    private static final int MAX_VALUE = 1024;

    private Metadata() {
    }

    /** @throws BadRequestException naming the first bad entry */
    public static void check(Map<String, String> metadata) {
        if (metadata.size() > MAX_ENTRIES) {
            throw new BadRequestException("At most " + MAX_ENTRIES + " metadata entries");
        }
        metadata.forEach((key, value) -> {
            if (!KEY.matcher(key).matches()) {
                throw new BadRequestException("Metadata keys are 1 to 128 letters, digits, '-' or '_'");
            }
            if (value == null || value.length() > MAX_VALUE || value.chars().anyMatch(Character::isISOControl)) {
                throw new BadRequestException("The metadata value of '" + key + "' must be at most " + MAX_VALUE
                        + " characters without control characters");
            }
        });
    }
}
