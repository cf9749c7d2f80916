package org.cloudweb.web.quota;

import jakarta.validation.constraints.PositiveOrZero;

/** The body of {@code PUT /users/{id}/quota}: both limits, a missing or null one meaning unlimited. */
public record QuotaRequest(@PositiveOrZero Long maxBytes, @PositiveOrZero Long maxObjects) {

    /** Declared, not implied: its parameters then carry no constraints, which the OpenAPI scanner trips over. */
    public QuotaRequest(Long maxBytes, Long maxObjects) {
        this.maxBytes = maxBytes;
        this.maxObjects = maxObjects;
    }
}
