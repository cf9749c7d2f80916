package org.cloudweb.ejb.user;

import jakarta.ejb.Schedule;
import jakarta.ejb.Singleton;
import jakarta.inject.Inject;
import java.util.logging.Level;
import java.util.logging.Logger;

/** Hourly removal of tokens that expired more than a day ago, so the token table holds live sessions only. */
@Singleton
public class TokenCleanup {

    private static final Logger LOG = Logger.getLogger(TokenCleanup.class.getName());

    @Inject
    TokenService tokens;

    // not persistent: every node runs it, and a missed hour is caught up by the next
    @Schedule(hour = "*", minute = "17", persistent = false)
    void purgeExpiredTokens() {
        int removed = tokens.purgeExpired();
        LOG.log(removed > 0 ? Level.INFO : Level.FINE, "Removed {0} expired tokens", removed);
    }
}
