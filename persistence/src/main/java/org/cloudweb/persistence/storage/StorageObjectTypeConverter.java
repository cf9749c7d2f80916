package org.cloudweb.persistence.storage;

import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Converter;
import org.cloudweb.persistence.common.EnumLabels;

/** Column converter for {@link StorageObjectType}. */
@Converter
public class StorageObjectTypeConverter implements AttributeConverter<StorageObjectType, String> {

    @Override
    public String convertToDatabaseColumn(StorageObjectType value) {
        return EnumLabels.label(value);
    }

    @Override
    public StorageObjectType convertToEntityAttribute(String label) {
        return EnumLabels.parse(StorageObjectType.class, label);
    }
}
