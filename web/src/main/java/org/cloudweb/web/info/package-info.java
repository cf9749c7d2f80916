/** The API root, which tells a client what it is talking to. */
package org.cloudweb.web.info;
