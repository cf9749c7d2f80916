package org.cloudweb.ejb.error;

import java.io.Serializable;
import java.util.List;

/**
 * A request whose fields break rules that only the service can check (a name that must exist, two fields that
 * must agree): {@code bad_request}, listing each invalid field like a failed Bean Validation does.
 */
public class InvalidFieldsException extends BadRequestException {

    private static final long serialVersionUID = 1L;

    /** One invalid field, as the client named it, and what it must be. */
    public record Field(String field, String message) implements Serializable {
    }

    private final List<Field> fields;

    public InvalidFieldsException(List<Field> fields) {
        super("The request has invalid fields: " + String.join(", ", fields.stream().map(Field::field).toList()));
        this.fields = List.copyOf(fields);
    }

    public List<Field> getFields() {
        return fields;
    }
}
