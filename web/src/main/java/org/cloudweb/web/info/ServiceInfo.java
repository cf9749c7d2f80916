package org.cloudweb.web.info;

/** What {@code GET /api/v1} answers. */
public record ServiceInfo(String name, String api, String health, String openapi) {
}
