package org.cloudweb.web.error;

import jakarta.inject.Inject;
import jakarta.json.JsonException;
import jakarta.json.bind.JsonbException;
import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import org.cloudweb.ejb.outage.DatabaseOutage;

/** A request body that is not the JSON it should be → 400; anything else gone wrong while processing → 500. */
@Provider
public class ProcessingExceptionMapper implements ExceptionMapper<ProcessingException> {

    @Inject
    DatabaseOutage outage;

    @Override
    public Response toResponse(ProcessingException exception) {
        for (Throwable cause = exception.getCause(); cause != null; cause = cause.getCause()) {
            if (cause instanceof JsonbException || cause instanceof JsonException) {
                return Problem.of(400, "bad_request", "The request body is not valid JSON of the expected shape")
                        .toResponse().build();
            }
        }
        return UnexpectedExceptionMapper.internalError(exception, outage);
    }
}
