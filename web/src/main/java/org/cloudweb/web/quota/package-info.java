/** {@code /users/{id}/quota}: a user's limits and usage. */
package org.cloudweb.web.quota;
