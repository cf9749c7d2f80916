package org.cloudweb.web.error;

import static org.junit.jupiter.api.Assertions.assertEquals;

import jakarta.validation.ConstraintViolationException;
import jakarta.validation.Valid;
import jakarta.validation.Validation;
import jakarta.validation.ValidatorFactory;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.core.Response;
import java.lang.reflect.Method;
import java.util.List;
import org.junit.jupiter.api.Test;

class ConstraintViolationMapperTest {

    record SignUp(@NotNull @Size(min = 1, max = 64) String name, @Email String email) {
    }

    static class Resource {
        @SuppressWarnings("unused")
        public void register(@Valid @NotNull SignUp request, @Size(max = 3) String mode) {
        }
    }

    @Test
    void namesTheInvalidFieldsAsTheClientSentThem() throws Exception {
        Response response = new ConstraintViolationMapper().toResponse(violations(new SignUp("", "nope"), "toolong"));

        Problem problem = (Problem) response.getEntity();
        assertEquals(400, response.getStatus());
        assertEquals("bad_request", problem.code());
        assertEquals(List.of("email", "mode", "name"), problem.errors().stream().map(Problem.FieldError::field).toList());
    }

    @Test
    void aMissingBodyIsNamedByItsParameter() throws Exception {
        Response response = new ConstraintViolationMapper().toResponse(violations(null, "ok"));

        assertEquals(List.of("request"), ((Problem) response.getEntity()).errors().stream()
                .map(Problem.FieldError::field).toList());
    }

    private static ConstraintViolationException violations(SignUp request, String mode) throws Exception {
        Method register = Resource.class.getMethod("register", SignUp.class, String.class);
        try (ValidatorFactory factory = Validation.buildDefaultValidatorFactory()) {
            var found = factory.getValidator().forExecutables()
                    .validateParameters(new Resource(), register, new Object[] {request, mode});
            return new ConstraintViolationException(found);
        }
    }
}
