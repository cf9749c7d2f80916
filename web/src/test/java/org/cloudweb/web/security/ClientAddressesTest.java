package org.cloudweb.web.security;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

class ClientAddressesTest {

    private static final List<String> PROXIES = List.of("10.0.0.1", "10.0.0.2");

    @Test
    void withoutATrustedProxyThePeerIsTheClient() {
        assertEquals("192.0.2.7", ClientAddresses.resolve("192.0.2.7", null, PROXIES));
        assertEquals("192.0.2.7", ClientAddresses.resolve("192.0.2.7", "203.0.113.9", PROXIES),
                "anyone can send the header; only trusted proxies are believed");
    }

    @Test
    void behindTrustedProxiesTheNearestUntrustedHopIsTheClient() {
        assertEquals("203.0.113.9", ClientAddresses.resolve("10.0.0.1", "203.0.113.9", PROXIES));
        assertEquals("203.0.113.9", ClientAddresses.resolve("10.0.0.1", "198.51.100.1, 203.0.113.9, 10.0.0.2",
                PROXIES), "the left-most entries are whatever the client claimed");
    }

    @Test
    void aBrokenHeaderFallsBackToThePeer() {
        assertEquals("10.0.0.1", ClientAddresses.resolve("10.0.0.1", "203.0.113.9,,", PROXIES));
        assertEquals("10.0.0.1", ClientAddresses.resolve("10.0.0.1", "x".repeat(100), PROXIES));
        assertEquals("10.0.0.1", ClientAddresses.resolve("10.0.0.1", "10.0.0.2", PROXIES));
    }
}
