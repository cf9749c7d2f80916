package org.cloudweb.web.error;

import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.Provider;
import org.cloudweb.ejb.error.InvalidFieldsException;

/** {@link InvalidFieldsException} → 400 {@code bad_request} naming each invalid field. */
@Provider
public class InvalidFieldsMapper extends ServiceExceptionMapper<InvalidFieldsException> {

    public InvalidFieldsMapper() {
        super(400);
    }

    @Override
    protected Response.ResponseBuilder response(InvalidFieldsException exception) {
        return Problem.of(400, exception.getCode(), exception.getMessage())
                .withErrors(exception.getFields().stream()
                        .map(f -> new Problem.FieldError(f.field(), f.message())).toList())
                .toResponse();
    }
}
