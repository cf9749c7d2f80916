package org.cloudweb.web.error;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import jakarta.persistence.PersistenceException;
import jakarta.ws.rs.NotAllowedException;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.core.Response;
import java.util.List;
import org.cloudweb.ejb.error.ChecksumMismatchException;
import org.cloudweb.ejb.error.ConflictException;
import org.cloudweb.ejb.error.InvalidFieldsException;
import org.cloudweb.ejb.error.TooManyRequestsException;
import org.cloudweb.ejb.error.UnauthorizedException;
import org.cloudweb.ejb.outage.DatabaseOutage;
import org.junit.jupiter.api.Test;

class ProblemMappersTest {

    @Test
    void serviceExceptionBecomesProblemWithItsCodeAndStatus() {
        Response response = new ConflictMapper().toResponse(new ConflictException("not_empty", "Directory is not empty"));

        assertEquals(409, response.getStatus());
        assertEquals(Problem.MEDIA_TYPE, response.getMediaType().toString());
        Problem problem = (Problem) response.getEntity();
        assertEquals("not_empty", problem.code());
        assertEquals("urn:cloudweb:problem:not_empty", problem.type());
        assertEquals("Conflict", problem.title());
        assertEquals("Directory is not empty", problem.detail());
    }

    @Test
    void checksumMismatchIs422WithItsTitle() {
        Response response = new ChecksumMismatchMapper().toResponse(new ChecksumMismatchException("MD5 differs"));

        assertEquals(422, response.getStatus());
        assertEquals("Unprocessable Content", ((Problem) response.getEntity()).title());
    }

    @Test
    void invalidFieldsAreListedLikeFailedValidation() {
        Response response = new InvalidFieldsMapper().toResponse(new InvalidFieldsException(List.of(
                new InvalidFieldsException.Field("metric", "must be one of cpu.busy"),
                new InvalidFieldsException.Field("for", "must be an ISO-8601 duration"))));

        assertEquals(400, response.getStatus());
        Problem problem = (Problem) response.getEntity();
        assertEquals("bad_request", problem.code());
        assertEquals(List.of("metric", "for"), problem.errors().stream().map(Problem.FieldError::field).toList());
        assertEquals("must be one of cpu.busy", problem.errors().get(0).message());
    }

    @Test
    void unauthorizedCarriesTheBearerChallenge() {
        Response response = new UnauthorizedMapper().toResponse(new UnauthorizedException("Token expired"));

        assertEquals(401, response.getStatus());
        assertEquals("Bearer", response.getHeaderString("WWW-Authenticate"));
    }

    @Test
    void throttlingSaysWhenToRetry() {
        Response response = new TooManyRequestsMapper().toResponse(new TooManyRequestsException("Too many attempts", 42));

        assertEquals(429, response.getStatus());
        assertEquals("42", response.getHeaderString("Retry-After"));
        assertEquals("too_many_requests", ((Problem) response.getEntity()).code());
    }

    @Test
    void unknownRouteIsNotFoundProblem() {
        Response response = new WebApplicationExceptionMapper().toResponse(new NotFoundException());

        assertEquals(404, response.getStatus());
        assertEquals("not_found", ((Problem) response.getEntity()).code());
        assertEquals(Problem.MEDIA_TYPE, response.getMediaType().toString());
    }

    @Test
    void wrongMethodKeepsTheAllowHeader() {
        Response response = new WebApplicationExceptionMapper()
                .toResponse(new NotAllowedException("GET", new String[] {"HEAD"}));

        assertEquals(405, response.getStatus());
        assertEquals("method_not_allowed", ((Problem) response.getEntity()).code());
        assertEquals(List.of("GET", "HEAD"), response.getAllowedMethods().stream().sorted().toList());
    }

    @Test
    void unexpectedFailureRevealsNothingButAnIncidentId() {
        UnexpectedExceptionMapper mapper = new UnexpectedExceptionMapper();
        mapper.outage = new DatabaseOutage(); // not a database failure: no probe
        Response response = mapper.toResponse(new IllegalStateException("SELECT * FROM user at /srv/data/secret"));

        Problem problem = (Problem) response.getEntity();
        assertEquals(500, response.getStatus());
        assertEquals("internal_error", problem.code());
        assertEquals(false, problem.detail().contains("SELECT"));
        assertEquals(false, problem.detail().contains("/srv"));
    }

    @Test
    void aDatabaseThatDoesNotAnswerIsAnOutageToRetryLater() {
        UnexpectedExceptionMapper mapper = new UnexpectedExceptionMapper();
        mapper.outage = new DatabaseOutage() {
            @Override
            public boolean failed(Throwable failure) {
                return true; // the probe found the database unreachable
            }
        };
        Response response = mapper.toResponse(new PersistenceException("Communications link failure to db:3306"));

        Problem problem = (Problem) response.getEntity();
        assertEquals(503, response.getStatus());
        assertEquals("service_unavailable", problem.code());
        assertEquals(String.valueOf(DatabaseOutage.RETRY_AFTER_SECONDS), response.getHeaderString("Retry-After"));
        assertEquals(false, problem.detail().contains("3306"));
    }

    @Test
    void jsonBodyHasTheRfc9457MembersAndOmitsEmptyErrors() throws Exception {
        try (Jsonb jsonb = JsonbBuilder.create()) {
            String json = jsonb.toJson(Problem.of(404, "not_found", "No such file"));

            assertEquals("{\"type\":\"urn:cloudweb:problem:not_found\",\"title\":\"Not Found\",\"status\":404,"
                    + "\"detail\":\"No such file\",\"code\":\"not_found\"}", json);
            Problem back = jsonb.fromJson(json, Problem.class);
            assertNull(back.errors());
        }
    }
}
