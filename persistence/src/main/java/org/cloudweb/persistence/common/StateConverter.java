package org.cloudweb.persistence.common;

import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Converter;

/** Column converter for {@link State}. */
@Converter
public class StateConverter implements AttributeConverter<State, String> {

    @Override
    public String convertToDatabaseColumn(State value) {
        return EnumLabels.label(value);
    }

    @Override
    public State convertToEntityAttribute(String label) {
        return EnumLabels.parse(State.class, label);
    }
}
