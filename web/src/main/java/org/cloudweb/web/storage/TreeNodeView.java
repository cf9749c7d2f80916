package org.cloudweb.web.storage;

import java.util.List;
import java.util.Locale;
import org.cloudweb.ejb.storage.TreeNode;

/** A node of {@code GET /tree/...}. */
public record TreeNodeView(String name, String type, long size, String etag, List<TreeNodeView> children) {

    static TreeNodeView of(TreeNode node) {
        return new TreeNodeView(node.entry().name(), node.entry().type().name().toLowerCase(Locale.ROOT),
                node.entry().size(), node.entry().etag(),
                node.children().isEmpty() ? null : node.children().stream().map(TreeNodeView::of).toList());
    }
}
