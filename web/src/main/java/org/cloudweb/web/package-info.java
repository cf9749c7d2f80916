/**
 * The web layer: the JAX-RS application under {@code /api/v1}, one package per feature. Resources call one
 * service method each and exchange records (never entities) as JSON through JSON-B.
 */
package org.cloudweb.web;
