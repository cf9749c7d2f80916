/** Black-box tests over HTTP of the bundle on Payara Micro: health, the API root, problem answers, OpenAPI. */
package org.cloudweb.it.api;
