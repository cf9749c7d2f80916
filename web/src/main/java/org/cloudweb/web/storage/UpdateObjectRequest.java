package org.cloudweb.web.storage;

import jakarta.validation.constraints.Pattern;
import java.util.Map;

/** The body of {@code PATCH /fs/...}: new metadata (replacing all of it) and/or a new state for a file. */
public record UpdateObjectRequest(
        Map<String, String> metadata,
        @Pattern(regexp = "enabled|disabled", message = "must be 'enabled' or 'disabled'") String state) {

    /** Declared, not implied: see {@code CreateUserRequest}. */
    public UpdateObjectRequest(Map<String, String> metadata, String state) {
        this.metadata = metadata;
        this.state = state;
    }
}
