/**
 * Who is calling and what they may reach: the roles, the resource firewall every account-scoped service asks,
 * and where the request came from.
 */
package org.cloudweb.ejb.security;
