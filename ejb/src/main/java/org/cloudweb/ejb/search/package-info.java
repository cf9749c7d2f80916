/**
 * Search by name across an account (or, for administrators, all accounts): prefix and exact searches over the
 * lower-case name index, substring searches over trigrams, results with full paths built from the tree.
 */
package org.cloudweb.ejb.search;
