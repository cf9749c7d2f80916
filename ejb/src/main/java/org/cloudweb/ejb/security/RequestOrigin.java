package org.cloudweb.ejb.security;

import jakarta.enterprise.context.RequestScoped;

/**
 * Where the current request comes from, as the web layer determined it: the client address (the peer, or the
 * client a trusted proxy names) and the id of the user its token belongs to. Read by records and login
 * throttling; empty outside HTTP requests.
 */
@RequestScoped
public class RequestOrigin {

    private String clientAddress;
    private Long userId;
    private boolean failureRecorded;

    public String clientAddress() {
        return clientAddress;
    }

    public void setClientAddress(String clientAddress) {
        this.clientAddress = clientAddress;
    }

    /** The id of the user the request was authenticated as, or null. */
    public Long userId() {
        return userId;
    }

    public void setUserId(Long userId) {
        this.userId = userId;
    }

    /** Notes that the refusal of this request is in the audit trail already, so it is not recorded twice. */
    public void failureRecorded() {
        failureRecorded = true;
    }

    public boolean isFailureRecorded() {
        return failureRecorded;
    }
}
