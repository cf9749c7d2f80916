package org.cloudweb.web.security;

import java.util.List;

/**
 * The client address of a request: the peer, unless the peer is a trusted reverse proxy; then the nearest
 * address in {@code X-Forwarded-For} that is not itself a trusted proxy.
 */
public final class ClientAddresses {

    private ClientAddresses() {
    }

    public static String resolve(String peer, String forwardedFor, List<String> trustedProxies) {
        if (forwardedFor == null || !trustedProxies.contains(peer)) {
            return peer;
        }
        String[] hops = forwardedFor.split(",", -1);
        for (int i = hops.length - 1; i >= 0; i--) {
            String hop = hops[i].strip();
            if (hop.isEmpty() || hop.length() > 45) {
                return peer; // a forged or broken header: believe only what we saw
            }
            if (!trustedProxies.contains(hop)) {
                return hop;
            }
        }
        return peer;
    }
}
