/** {@code /api/v1/jobs/{id}}: the progress of a long operation, for its owner and administrators. */
package org.cloudweb.web.job;
