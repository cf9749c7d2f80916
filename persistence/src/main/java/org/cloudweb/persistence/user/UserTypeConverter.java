package org.cloudweb.persistence.user;

import jakarta.persistence.Converter;
import org.cloudweb.persistence.common.LowerCaseEnumConverter;

/** Column converter for {@link UserType}. */
@Converter
public class UserTypeConverter extends LowerCaseEnumConverter<UserType> {
    public UserTypeConverter() {
        super(UserType.class);
    }
}
