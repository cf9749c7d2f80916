/** {@code /api/v1/admin/fsck} and {@code /api/v1/admin/import}: the consistency check and the import in place. */
package org.cloudweb.web.consistency;
