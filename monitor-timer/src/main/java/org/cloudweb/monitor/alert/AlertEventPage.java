package org.cloudweb.monitor.alert;

import java.util.List;

/** A page of events, newest first; {@code next} is the cursor of the following page, or null. */
public record AlertEventPage(List<AlertEventEntry> events, String next) {

    public AlertEventPage {
        events = List.copyOf(events);
    }
}
