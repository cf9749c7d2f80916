package org.cloudweb.ejb.storage;

import java.util.ArrayList;
import java.util.List;

/** A node of {@code GET /tree}: an entry and, for directories within the depth asked, its children. */
public record TreeNode(Entry entry, List<TreeNode> children) {

    TreeNode(Entry entry) {
        this(entry, new ArrayList<>());
    }
}
