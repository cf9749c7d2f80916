package org.cloudweb.persistence.storage;

import jakarta.persistence.Converter;
import org.cloudweb.persistence.common.LowerCaseEnumConverter;

/** Column converter for {@link StorageObjectType}. */
@Converter
public class StorageObjectTypeConverter extends LowerCaseEnumConverter<StorageObjectType> {
    public StorageObjectTypeConverter() {
        super(StorageObjectType.class);
    }
}
