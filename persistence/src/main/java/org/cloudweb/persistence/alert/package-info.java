/** Alert rules over the host monitor's metrics, and the events they raise. */
package org.cloudweb.persistence.alert;
