package org.cloudweb.ejb.consistency;

import jakarta.annotation.security.PermitAll;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.cloudweb.ejb.error.ConflictException;
import org.cloudweb.ejb.record.RecordService;
import org.cloudweb.ejb.user.AccountStore;
import org.cloudweb.persistence.user.User;

/** The users an import makes for account directories without one: disabled, each in a transaction of its own. */
@Stateless
@PermitAll
public class ImportedAccounts {

    private static final Logger LOG = Logger.getLogger(ImportedAccounts.class.getName());

    @Inject
    AccountStore accounts;

    @Inject
    RecordService records;

    /** The new user's id, or null if the name (in another case) or its address is taken. */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public Long create(String name, Long importedBy) {
        User user;
        try {
            user = accounts.createImported(name);
        } catch (ConflictException taken) {
            LOG.log(Level.INFO, "Import: no user made for the account directory {0}: {1}",
                    new Object[] {name, taken.getMessage()});
            return null;
        }
        records.addFor(user.getId(), "user.create", "/" + name, 201, "disabled, by an import (user "
                + importedBy + ")");
        LOG.log(Level.INFO, "Import: user {0} made, disabled, for its account directory", name);
        return user.getId();
    }
}
