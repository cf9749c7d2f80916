/** Alerting: rules over HTTP, events, and the e-mails a real SMTP server receives. */
package org.cloudweb.it.alert;
