/** {@code /alerts}: alert rules and the events they raised (administrators only). */
package org.cloudweb.web.alert;
