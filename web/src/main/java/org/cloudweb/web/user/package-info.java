/** {@code /api/v1/users} and {@code /api/v1/tokens}: registration, user administration, login and logout. */
package org.cloudweb.web.user;
