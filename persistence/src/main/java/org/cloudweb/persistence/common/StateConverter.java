package org.cloudweb.persistence.common;

import jakarta.persistence.Converter;

/** Column converter for {@link State}. */
@Converter
public class StateConverter extends LowerCaseEnumConverter<State> {
    public StateConverter() {
        super(State.class);
    }
}
