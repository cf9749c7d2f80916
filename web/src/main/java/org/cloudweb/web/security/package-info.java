/** Bearer-token authentication (Jakarta Security), the client address of a request, and access refusals. */
package org.cloudweb.web.security;
