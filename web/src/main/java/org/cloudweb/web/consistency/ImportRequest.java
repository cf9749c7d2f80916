package org.cloudweb.web.consistency;

import jakarta.validation.constraints.Size;

/** The body of {@code POST /admin/import}: one account (or all when absent), and whether to make missing users. */
public record ImportRequest(@Size(max = 64) String account, boolean createUsers) {

    /** Declared, not implied: see {@code CreateUserRequest}. */
    public ImportRequest(String account, boolean createUsers) {
        this.account = account;
        this.createUsers = createUsers;
    }
}
