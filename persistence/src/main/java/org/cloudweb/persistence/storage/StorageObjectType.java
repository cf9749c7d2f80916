package org.cloudweb.persistence.storage;

/** The level of a node in the storage tree. */
public enum StorageObjectType {
    ACCOUNT,
    CONTAINER,
    DIR,
    FILE
}
