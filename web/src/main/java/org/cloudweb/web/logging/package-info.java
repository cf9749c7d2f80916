/** Request logging: one FINE line per API call with method, path, status and duration. */
package org.cloudweb.web.logging;
