package org.cloudweb.it.support;

import java.io.File;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.importer.ZipImporter;
import org.jboss.shrinkwrap.api.spec.WebArchive;

/**
 * The test archives, always built from the bundle the build produced ({@code bundle/target/cloudweb.war}),
 * so the tests exercise the artifact users run. Named {@code ROOT.war} so it is served at {@code /}, as in the
 * one-command run.
 */
public final class Deployments {

    private Deployments() {
    }

    /** The bundle as built: for black-box tests over HTTP. */
    public static WebArchive bundle() {
        File war = new File(System.getProperty("cloudweb.test.war", "../bundle/target/cloudweb.war"));
        return ShrinkWrap.create(ZipImporter.class, "ROOT.war").importFrom(war).as(WebArchive.class);
    }

    /** The bundle plus test classes (and the fixtures they use) for in-container tests. */
    public static WebArchive bundleWith(Class<?>... classes) {
        return bundle().addClasses(classes);
    }
}
