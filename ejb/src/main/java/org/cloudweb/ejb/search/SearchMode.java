package org.cloudweb.ejb.search;

/** How the query matches a name, always ignoring case. */
public enum SearchMode {
    /** The name starts with the query (the default). */
    PREFIX,
    /** The name contains the query anywhere. */
    SUBSTRING,
    /** The name is the query. */
    EXACT
}
