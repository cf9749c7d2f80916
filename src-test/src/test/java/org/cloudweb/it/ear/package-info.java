/** The EAR smoke test: the ops deployment on a real Payara Server 6 domain, checked from outside over HTTP. */
package org.cloudweb.it.ear;
