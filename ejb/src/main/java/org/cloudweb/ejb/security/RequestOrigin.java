package org.cloudweb.ejb.security;

import jakarta.enterprise.context.RequestScoped;

/**
 * Where the current request comes from, as the web layer determined it (the peer, or the client a trusted
 * proxy names). Read by records and login throttling; empty outside HTTP requests.
 */
@RequestScoped
public class RequestOrigin {

    private String clientAddress;

    public String clientAddress() {
        return clientAddress;
    }

    public void setClientAddress(String clientAddress) {
        this.clientAddress = clientAddress;
    }
}
