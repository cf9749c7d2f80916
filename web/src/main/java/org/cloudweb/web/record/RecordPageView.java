package org.cloudweb.web.record;

import jakarta.json.bind.annotation.JsonbNillable;
import java.util.List;
import org.cloudweb.ejb.record.RecordEntry;

/** A page of records; {@code next} is null on the last page. */
@JsonbNillable
public record RecordPageView(List<RecordEntry> records, String next) {
}
