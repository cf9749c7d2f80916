/**
 * Integration tests: Arquillian on Payara Micro with the bundle (in-container and black-box over HTTP), and the
 * EAR on Payara Server, all against one real MariaDB that {@link org.cloudweb.it.support.TestDatabase} starts
 * for the whole test run.
 */
package org.cloudweb.it;
