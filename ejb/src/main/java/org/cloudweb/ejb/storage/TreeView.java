package org.cloudweb.ejb.storage;

/** A nested tree below a path; {@code truncated} when the node limit cut it short. */
public record TreeView(TreeNode root, int nodes, boolean truncated) {
}
