/**
 * The audit trail over HTTP: {@code /records} and its summary, and the records of refused calls, which the
 * services cannot write themselves because a refusal rolls their transaction back.
 */
package org.cloudweb.web.record;
