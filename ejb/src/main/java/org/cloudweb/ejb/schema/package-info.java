/**
 * The application's database: its data source (configured through MicroProfile Config) and the Flyway
 * migration that brings the schema up to date when the application is deployed.
 */
package org.cloudweb.ejb.schema;
