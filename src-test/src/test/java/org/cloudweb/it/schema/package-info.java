/** In-container tests of the schema: the Flyway migration and the cascading storage tree. */
package org.cloudweb.it.schema;
