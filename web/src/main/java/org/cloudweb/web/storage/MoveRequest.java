package org.cloudweb.web.storage;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/** The body of {@code POST /ops/move} and {@code /ops/copy}: paths as {@code /account/container/...}, not encoded. */
public record MoveRequest(@NotNull @Size(max = 4100) String from, @NotNull @Size(max = 4100) String to,
                          boolean overwrite) {

    /** Declared, not implied: see {@code CreateUserRequest}. */
    public MoveRequest(String from, String to, boolean overwrite) {
        this.from = from;
        this.to = to;
        this.overwrite = overwrite;
    }
}
