package org.cloudweb.ejb.user;

import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class AccountNamesTest {

    @ParameterizedTest
    @ValueSource(strings = {"alice", "Bob.Smith", "ops_team-2", "a", "x123456789012345678901234567890123456789012345678901234567890123"})
    void portableNamesAreAccepted(String name) {
        assertNull(AccountNames.problem(name));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", ".", "..", ".hidden", "a/b", "../etc", "a b", "ünïcode", "db", "DB",
            "initial-admin-password", "host-id", "tmp", "lost+found", "x1234567890123456789012345678901234567890123456789012345678901234"})
    void namesThatCannotBeAnAccountDirectoryAreRefused(String name) {
        assertNotNull(AccountNames.problem(name), name);
    }

    @ParameterizedTest
    @ValueSource(strings = {"db", "Tmp", "initial-admin-password", "host-id", "lost+found"})
    void theDataDirectorysOwnEntriesAreReserved(String name) {
        assertTrue(AccountNames.isReserved(name));
        assertNotNull(AccountNames.problem(name));
    }
}
