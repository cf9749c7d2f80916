/**
 * Every error answer is {@code application/problem+json} (RFC 9457) with a stable {@code code}: one
 * {@code ExceptionMapper} per service exception, mappers for validation and JAX-RS routing failures, and an
 * error page for what the servlet container answers itself. No stack trace, SQL or path ever reaches a client.
 */
package org.cloudweb.web.error;
