/**
 * The persistence layer: JPA entities over the schema that the Flyway migrations in {@code db/migration} own.
 * EclipseLink never generates DDL; it only maps (and, at start-up, validates) what the migrations created.
 */
package org.cloudweb.persistence;
