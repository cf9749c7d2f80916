package org.cloudweb.ejb.user;

import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;
import org.cloudweb.persistence.user.User;

/**
 * The rules for account names, which become directory names directly under the data directory: 1–64
 * letters, digits, {@code .}, {@code _} or {@code -}, and none of the names the data directory uses itself.
 */
public final class AccountNames {

    private static final Pattern VALID = Pattern.compile(User.NAME_PATTERN);
    /** Entries of the data directory that are not accounts (the embedded database, the first password file). */
    private static final Set<String> RESERVED = Set.of("db", "initial-admin-password", "host-id", "tmp", "journal",
            "lost+found");

    private AccountNames() {
    }

    /** Why {@code name} cannot be an account name, or null if it can. */
    public static String problem(String name) {
        if (name == null || !VALID.matcher(name).matches()) {
            return "must be 1 to 64 letters, digits, '.', '_' or '-'";
        }
        if (name.startsWith(".")) {
            return "must not start with '.'";
        }
        if (RESERVED.contains(name.toLowerCase(Locale.ROOT))) {
            return "is reserved";
        }
        return null;
    }

    /** True for the names of the data directory's own entries, which are never accounts. */
    public static boolean isReserved(String name) {
        return RESERVED.contains(name.toLowerCase(Locale.ROOT));
    }
}
