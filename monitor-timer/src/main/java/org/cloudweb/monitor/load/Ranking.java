package org.cloudweb.monitor.load;

import java.util.List;

/** The available hosts with fresh load figures, least loaded first. */
public record Ranking(List<RankedHost> hosts) {

    public Ranking {
        hosts = List.copyOf(hosts);
    }
}
