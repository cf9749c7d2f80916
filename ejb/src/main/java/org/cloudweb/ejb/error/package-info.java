/**
 * The service exceptions. Each carries a stable machine-readable code from the API specification; the web
 * layer has one mapper per class that turns it into an {@code application/problem+json} answer.
 */
package org.cloudweb.ejb.error;
