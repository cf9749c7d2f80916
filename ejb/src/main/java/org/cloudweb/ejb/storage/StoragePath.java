package org.cloudweb.ejb.storage;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.cloudweb.ejb.error.BadRequestException;
import org.cloudweb.ejb.user.AccountNames;

/**
 * A checked path in the storage tree: an account and the names below it (container, directories, file).
 * Every name is 1–255 bytes of UTF-8 without {@code /}, NUL or control characters and is not {@code .} or
 * {@code ..}, and the whole path is at most {@value #MAX_BYTES} bytes, so a path can never leave its account.
 */
public record StoragePath(String account, List<String> names) {

    public static final int MAX_NAME_BYTES = 255;
    public static final int MAX_BYTES = 4000;

    public StoragePath {
        names = List.copyOf(names);
    }

    /**
     * Checks decoded path segments ({@code account/container/...}).
     *
     * @throws BadRequestException {@code invalid_name} or {@code path_too_long}
     */
    public static StoragePath of(List<String> segments) {
        if (segments.isEmpty()) {
            throw new BadRequestException("invalid_name", "The path names no account");
        }
        String account = segments.get(0);
        if (AccountNames.problem(account) != null) {
            throw new BadRequestException("invalid_name", "'" + printable(account) + "' is not an account name");
        }
        int bytes = account.length();
        for (String name : segments.subList(1, segments.size())) {
            String problem = problem(name);
            if (problem != null) {
                throw new BadRequestException("invalid_name", "The name '" + printable(name) + "' " + problem);
            }
            bytes += 1 + name.getBytes(StandardCharsets.UTF_8).length;
        }
        if (bytes > MAX_BYTES) {
            throw new BadRequestException("path_too_long", "The path is longer than " + MAX_BYTES + " bytes");
        }
        return new StoragePath(account, segments.subList(1, segments.size()));
    }

    /** Parses a path as {@code /account/container/dir/file} (already decoded), e.g. in a move request. */
    public static StoragePath parse(String path) {
        if (path == null || !path.startsWith("/")) {
            throw new BadRequestException("invalid_name", "A path starts with '/' and its account");
        }
        String trimmed = path.endsWith("/") && path.length() > 1 ? path.substring(0, path.length() - 1) : path;
        return of(List.of(trimmed.substring(1).split("/", -1)));
    }

    /** Why {@code name} cannot be a name in the tree, or null if it can. */
    public static String problem(String name) {
        if (name.isEmpty()) {
            return "is empty";
        }
        if (name.equals(".") || name.equals("..")) {
            return "is reserved";
        }
        if (name.getBytes(StandardCharsets.UTF_8).length > MAX_NAME_BYTES) {
            return "is longer than " + MAX_NAME_BYTES + " bytes";
        }
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            if (c == '/' || Character.isISOControl(c)) {
                return "contains '/' or a control character";
            }
            if (Character.isSurrogate(c) && !(Character.isHighSurrogate(c) && i + 1 < name.length()
                    && Character.isLowSurrogate(name.charAt(++i)))) {
                return "is not valid Unicode";
            }
        }
        return null;
    }

    public boolean isAccount() {
        return names.isEmpty();
    }

    public boolean isContainer() {
        return names.size() == 1;
    }

    /** The last name (the account's for the account itself). */
    public String name() {
        return names.isEmpty() ? account : names.get(names.size() - 1);
    }

    public StoragePath parent() {
        if (names.isEmpty()) {
            throw new IllegalStateException("An account has no parent");
        }
        return new StoragePath(account, names.subList(0, names.size() - 1));
    }

    /** The path of a child of this one. */
    public StoragePath child(String name) {
        List<String> childNames = new ArrayList<>(names);
        childNames.add(name);
        return new StoragePath(account, childNames);
    }

    /** True if {@code other} is this path or lies below it. */
    public boolean contains(StoragePath other) {
        return account.equals(other.account) && other.names.size() >= names.size()
                && other.names.subList(0, names.size()).equals(names);
    }

    @Override
    public String toString() {
        return "/" + account + (names.isEmpty() ? "" : "/" + String.join("/", names));
    }

    /** A name as it may appear in a message: control characters shown as '?', and not too long. */
    private static String printable(String name) {
        String shown = name.codePoints().map(c -> Character.isISOControl(c) ? '?' : c)
                .collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append).toString();
        return shown.length() > 64 ? shown.substring(0, 64) + "…" : shown;
    }
}
