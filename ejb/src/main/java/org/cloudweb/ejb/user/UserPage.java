package org.cloudweb.ejb.user;

import java.util.List;
import org.cloudweb.persistence.user.User;

/** One page of a user listing, with the number of all matches. */
public record UserPage(List<User> users, long total, int offset, int limit) {
}
