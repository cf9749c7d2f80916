package org.cloudweb.it.support;

import static org.cloudweb.it.support.Api.fs;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.cloudweb.it.support.TestUsers.TestUser;
import org.junit.jupiter.api.BeforeEach;

/** The base of API tests of one account: a new user for each test, signed in as {@link #as}, with one container. */
public abstract class OwnerApiTest extends SignedInApiTest {

    protected TestUser owner;
    protected Api as;

    /** The name of the container every test starts with. */
    protected abstract String container();

    @BeforeEach
    void createOwnerWithAContainer() {
        owner = TestUsers.create(admin, getClass().getSimpleName().toLowerCase().replaceAll("it$", ""));
        as = api.as(api.login(owner.email(), owner.password()));
        assertEquals(201, as.bytes("PUT", fs(owner.name(), container()), null).statusCode());
    }
}
