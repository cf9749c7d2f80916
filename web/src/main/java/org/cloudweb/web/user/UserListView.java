package org.cloudweb.web.user;

import java.util.List;
import org.cloudweb.ejb.user.UserPage;

/** One page of {@code GET /users}. */
public record UserListView(List<UserView> users, long total, int offset, int limit) {

    static UserListView of(UserPage page) {
        return new UserListView(page.users().stream().map(UserView::of).toList(), page.total(), page.offset(),
                page.limit());
    }
}
