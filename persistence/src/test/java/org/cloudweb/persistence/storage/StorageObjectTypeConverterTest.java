package org.cloudweb.persistence.storage;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class StorageObjectTypeConverterTest {

    private final StorageObjectTypeConverter converter = new StorageObjectTypeConverter();

    @ParameterizedTest
    @EnumSource(StorageObjectType.class)
    void storesTheLowerCaseLabelOfTheSchemaEnum(StorageObjectType type) {
        String label = converter.convertToDatabaseColumn(type);
        assertEquals(type.name().toLowerCase(), label);
        assertEquals(type, converter.convertToEntityAttribute(label));
    }

    @Test
    void mapsNullBothWays() {
        assertNull(converter.convertToDatabaseColumn(null));
        assertNull(converter.convertToEntityAttribute(null));
    }

    @Test
    void rejectsLabelsTheSchemaDoesNotKnow() {
        assertThrows(IllegalArgumentException.class, () -> converter.convertToEntityAttribute("symlink"));
    }
}
