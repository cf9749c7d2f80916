/** The audit trail: every state change, download and login attempt, kept after users and objects are gone. */
package org.cloudweb.ejb.record;
