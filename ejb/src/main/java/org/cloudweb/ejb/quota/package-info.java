/** Quotas: the limits of each user and the usage kept exact in the transaction of every change. */
package org.cloudweb.ejb.quota;
