package org.cloudweb.web.record;

import jakarta.ejb.EJB;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Arrays;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.cloudweb.ejb.outage.DatabaseOutage;
import org.cloudweb.ejb.record.RecordService;
import org.cloudweb.ejb.security.RequestOrigin;

/**
 * Records a refused call (4xx, 5xx) that is audited (see {@link AuditedActions}) and that no service has
 * recorded already. The record commits on its own; a failure to write it is logged, never answered.
 */
@ApplicationScoped
public class FailureRecorder {

    private static final Logger LOG = Logger.getLogger(FailureRecorder.class.getName());

    @Inject
    RecordService records;

    @Inject
    RequestOrigin origin;

    @EJB
    DatabaseOutage outage;

    /**
     * @param path      the decoded request path relative to {@code /api/v1}, without a leading slash
     * @param directory whether the query asked for a directory ({@code ?type=dir})
     * @param code      the problem's code
     */
    public void refused(String method, String path, boolean directory, int status, String code) {
        if (status < 400 || origin.isFailureRecorded() || outage.isDown()) {
            return; // without the database, refusals are not recorded
        }
        List<String> segments = Arrays.stream(path.split("/")).filter(s -> !s.isEmpty()).toList();
        String action = AuditedActions.of(method, segments, directory);
        if (action == null) {
            return;
        }
        boolean file = segments.get(0).equals("fs");
        String recordedPath = file ? "/" + String.join("/", segments.subList(1, segments.size())) : null;
        String detail = file ? code : code + " on /" + String.join("/", segments);
        try {
            records.addFailure(origin.userId(), action, recordedPath, status, detail);
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "Refused {0} not recorded: {1}", new Object[] {action, e.toString()});
        }
    }
}
