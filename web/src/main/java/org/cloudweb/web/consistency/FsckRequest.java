package org.cloudweb.web.consistency;

import jakarta.validation.constraints.Size;

/** The body of {@code POST /admin/fsck}: one account (or all when absent), and whether to repair. */
public record FsckRequest(@Size(max = 64) String account, boolean repair) {

    /** Declared, not implied: see {@code CreateUserRequest}. */
    public FsckRequest(String account, boolean repair) {
        this.account = account;
        this.repair = repair;
    }
}
