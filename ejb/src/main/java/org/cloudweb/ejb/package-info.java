/**
 * The service layer: stateless EJBs with container-managed transactions, one package per feature. Nothing
 * here knows about HTTP; failures are {@link org.cloudweb.ejb.error.ServiceException}s that the web layer maps.
 */
package org.cloudweb.ejb;
