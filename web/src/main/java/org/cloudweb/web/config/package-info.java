/** {@code /api/v1/config}: the runtime settings, for administrators. */
package org.cloudweb.web.config;
