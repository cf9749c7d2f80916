package org.cloudweb.ejb.storage;

/** The outcome of a write: whether something new was created, and the file's MD5 for uploads. */
public record WriteResult(boolean created, String etag, long size) {
}
