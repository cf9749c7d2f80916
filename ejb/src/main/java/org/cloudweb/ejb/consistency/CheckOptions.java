package org.cloudweb.ejb.consistency;

/**
 * What to check and how.
 *
 * @param account     one account, or null for the whole data directory (then also {@code tmp} and trigrams)
 * @param mode        check, repair or import
 * @param createUsers on import, make a disabled user for an account directory that has none
 */
public record CheckOptions(String account, CheckMode mode, boolean createUsers) {

    /** Whether rows are written at all. */
    boolean writes() {
        return mode != CheckMode.CHECK;
    }

    boolean repairs() {
        return mode == CheckMode.REPAIR;
    }
}
