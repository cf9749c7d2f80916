/** Black-box tests of the runtime settings. */
package org.cloudweb.it.config;
