package org.cloudweb.web.quota;

import jakarta.json.bind.annotation.JsonbNillable;
import org.cloudweb.persistence.quota.Quota;

/** Limits (null = unlimited) and usage of a user's quota. */
@JsonbNillable
public record QuotaView(long userId, Long maxBytes, Long maxObjects, long usedBytes, long usedObjects) {

    static QuotaView of(Quota quota) {
        return new QuotaView(quota.getUserId(), quota.getMaxBytes(), quota.getMaxObjects(), quota.getUsedBytes(),
                quota.getUsedObjects());
    }
}
