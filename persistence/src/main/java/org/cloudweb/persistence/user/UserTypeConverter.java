package org.cloudweb.persistence.user;

import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Converter;
import org.cloudweb.persistence.common.EnumLabels;

/** Column converter for {@link UserType}. */
@Converter
public class UserTypeConverter implements AttributeConverter<UserType, String> {

    @Override
    public String convertToDatabaseColumn(UserType value) {
        return EnumLabels.label(value);
    }

    @Override
    public UserType convertToEntityAttribute(String label) {
        return EnumLabels.parse(UserType.class, label);
    }
}
