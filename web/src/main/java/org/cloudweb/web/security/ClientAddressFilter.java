package org.cloudweb.web.security;

import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.PreMatching;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.ext.Provider;
import java.util.List;
import org.cloudweb.ejb.config.ConfigKey;
import org.cloudweb.ejb.config.ConfigService;
import org.cloudweb.ejb.security.RequestOrigin;

/** Tells the services where the request comes from (see {@link ClientAddresses}). */
@Provider
@PreMatching
public class ClientAddressFilter implements ContainerRequestFilter {

    @Context
    HttpServletRequest servletRequest;

    @Inject
    RequestOrigin origin;

    @Inject
    ConfigService config;

    @Override
    public void filter(ContainerRequestContext request) {
        String peer = servletRequest.getRemoteAddr();
        String forwardedFor = request.getHeaderString("X-Forwarded-For");
        // the setting is read only when a proxy header is there: plain requests cost no database read
        List<String> trusted = forwardedFor == null ? List.of() : config.get(ConfigKey.TRUSTED_PROXIES);
        origin.setClientAddress(ClientAddresses.resolve(peer, forwardedFor, trusted));
    }
}
