package org.cloudweb.ejb.consistency;

import jakarta.annotation.Resource;
import jakarta.annotation.security.PermitAll;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.SQLException;
import javax.sql.DataSource;
import org.cloudweb.ejb.schema.SchemaMigrator;

/** {@link Transactions} in the server: each unit of a check is a container transaction of its own. */
@Stateless
@PermitAll
public class SqlUnits {

    @Resource(lookup = SchemaMigrator.DATA_SOURCE)
    DataSource db;

    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public <T> T run(Transactions.Work<T> work) {
        try (Connection connection = db.getConnection()) {
            return work.run(connection);
        } catch (SQLException e) {
            throw new ConsistencyException("A unit of the check failed in the database", e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
