package org.cloudweb.ejb.record;

import jakarta.annotation.security.PermitAll;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.List;
import org.cloudweb.persistence.record.AuditRecord;

/** Writes a batch of {@link PendingRecords} in one transaction of its own. */
@Stateless
@PermitAll
public class RecordWriter {

    @PersistenceContext
    EntityManager em;

    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public void writeAll(List<AuditRecord> records) {
        records.forEach(em::persist);
    }
}
