/** {@code /api/v1/search}: search by name, with full paths in the results. */
package org.cloudweb.web.search;
