package org.cloudweb.ejb.security;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class CallerTest {

    @Test
    void usersReachOnlyTheirOwnAccount() {
        Caller alice = new Caller("alice", false);

        assertTrue(alice.canReach("alice"));
        assertFalse(alice.canReach("bob"));
        assertFalse(alice.canReach("Alice"));
        assertFalse(alice.canReach(null));
    }

    @Test
    void administratorsReachEveryAccountAndAnonymousCallersNone() {
        assertTrue(new Caller("root", true).canReach("bob"));
        assertFalse(Caller.ANONYMOUS.canReach("bob"));
        assertFalse(Caller.ANONYMOUS.canReach(null));
    }
}
