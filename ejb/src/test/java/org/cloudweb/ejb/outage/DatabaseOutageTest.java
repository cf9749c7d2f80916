package org.cloudweb.ejb.outage;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.ejb.EJBException;
import jakarta.persistence.PersistenceException;
import jakarta.transaction.SystemException;
import java.sql.SQLNonTransientConnectionException;
import org.cloudweb.ejb.error.NotFoundException;
import org.junit.jupiter.api.Test;

class DatabaseOutageTest {

    @Test
    void failuresOfTheDatabaseOrItsPoolAreProbed() {
        assertTrue(DatabaseOutage.involvesDatabase(new EJBException("commit failed",
                new RuntimeException(new SQLNonTransientConnectionException("Communications link failure")))));
        assertTrue(DatabaseOutage.involvesDatabase(new PersistenceException("no connection")));
        assertTrue(DatabaseOutage.involvesDatabase(new SystemException("commit failed")));
    }

    @Test
    void otherFailuresAreNotAnOutage() {
        assertFalse(DatabaseOutage.involvesDatabase(new NotFoundException("Nothing at /a/b")));
        assertFalse(DatabaseOutage.involvesDatabase(new EJBException(new NullPointerException())));
    }
}
