/** What every integration test shares: the test run's database and data directory, and the test archives. */
package org.cloudweb.it.support;
