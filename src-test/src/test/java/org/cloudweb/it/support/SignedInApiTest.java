package org.cloudweb.it.support;

import java.net.URL;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The base of black-box API tests: the bundle deployed to Payara Micro, called over HTTP, with {@link #api}
 * for anonymous calls and {@link #admin} signed in as the first administrator before each test.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
public abstract class SignedInApiTest {

    @ArquillianResource
    protected URL base;

    protected Api api;
    protected Api admin;

    @Deployment(testable = false)
    public static WebArchive deployment() {
        return Deployments.bundle();
    }

    @BeforeEach
    void signInAsAdmin() {
        api = Api.at(base);
        admin = api.asAdmin();
    }
}
