package org.cloudweb.persistence.user;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validation;
import jakarta.validation.Validator;
import jakarta.validation.ValidatorFactory;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class UserConstraintsTest {

    private static ValidatorFactory factory;
    private static Validator validator;

    @BeforeAll
    static void createValidator() {
        factory = Validation.buildDefaultValidatorFactory();
        validator = factory.getValidator();
    }

    @AfterAll
    static void closeValidator() {
        factory.close();
    }

    @ParameterizedTest
    @ValueSource(strings = {"alice", "Bob.Smith", "ops_team-2", "a"})
    void acceptsPortableAccountNames(String name) {
        assertEquals(Set.of(), violatedFields(new User(name, "a@example.org", "hash")));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "../etc", "a/b", "with space", "ünïcode",
            "x12345678901234567890123456789012345678901234567890123456789012345"})
    void rejectsNamesThatAreNotSafeDirectoryNames(String name) {
        assertTrue(violatedFields(new User(name, "a@example.org", "hash")).contains("name"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"not-an-email", "a@b@c"})
    void rejectsInvalidEmail(String email) {
        assertTrue(violatedFields(new User("alice", email, "hash")).contains("email"));
    }

    private static Set<String> violatedFields(User user) {
        Set<ConstraintViolation<User>> violations = validator.validate(user);
        return violations.stream().map(v -> v.getPropertyPath().toString()).collect(Collectors.toSet());
    }
}
