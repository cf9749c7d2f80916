/**
 * Users, their accounts and their login tokens: registration, administration, passwords (PBKDF2 through
 * Jakarta Security), bearer tokens stored only as hashes, login throttling, and the first administrator.
 */
package org.cloudweb.ejb.user;
