package org.cloudweb.web.alert;

import jakarta.json.bind.annotation.JsonbNillable;
import java.util.List;

/** A page of events, newest first; {@code next} is null on the last page. */
@JsonbNillable
public record AlertEventPageView(List<AlertEventView> events, String next) {
}
