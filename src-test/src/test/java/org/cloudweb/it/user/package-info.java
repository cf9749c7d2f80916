/** Black-box tests of registration, user administration, login, logout and tokens. */
package org.cloudweb.it.user;
