package org.cloudweb.persistence.common;

import java.util.Locale;

/**
 * Maps a Java enum to the lower-case label of a MySQL {@code ENUM} column ({@code ADMIN} ↔ {@code admin}),
 * so the schema reads like the specification while the Java constants follow Java naming.
 *
 * <p>The converters call these helpers instead of sharing a generic base class: EclipseLink reads the column
 * type from the methods a converter declares itself and, for inherited generic ones, writes the label as if
 * it were the enum.
 */
public final class EnumLabels {

    private EnumLabels() {
    }

    public static String label(Enum<?> value) {
        return value == null ? null : value.name().toLowerCase(Locale.ROOT);
    }

    public static <E extends Enum<E>> E parse(Class<E> type, String label) {
        return label == null ? null : Enum.valueOf(type, label.toUpperCase(Locale.ROOT));
    }
}
