package org.cloudweb.persistence.common;

import jakarta.persistence.AttributeConverter;
import java.util.Locale;

/**
 * Maps a Java enum to the lower-case label of a MySQL {@code ENUM} column ({@code ADMIN} ↔ {@code admin}),
 * so the schema reads like the specification while the Java constants follow Java naming.
 */
public abstract class LowerCaseEnumConverter<E extends Enum<E>> implements AttributeConverter<E, String> {

    private final Class<E> type;

    protected LowerCaseEnumConverter(Class<E> type) {
        this.type = type;
    }

    @Override
    public String convertToDatabaseColumn(E value) {
        return value == null ? null : value.name().toLowerCase(Locale.ROOT);
    }

    @Override
    public E convertToEntityAttribute(String label) {
        return label == null ? null : Enum.valueOf(type, label.toUpperCase(Locale.ROOT));
    }
}
