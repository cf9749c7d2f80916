/** Users (who are also the account owners) and the bearer tokens they log in with. */
package org.cloudweb.persistence.user;
