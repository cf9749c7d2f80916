package org.cloudweb.web;

import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;

/** The REST API, version 1. Resources and providers are discovered by annotation. */
@ApplicationPath("api/v1")
public class CloudWebApplication extends Application {
}
