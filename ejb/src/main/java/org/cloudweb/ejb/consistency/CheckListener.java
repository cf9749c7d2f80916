package org.cloudweb.ejb.consistency;

/** Told how far a check is: entries handled of the entries counted on disk first. */
@FunctionalInterface
public interface CheckListener {

    void progress(long done, long total);
}
