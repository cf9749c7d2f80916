/** {@code /api/v1/fs/...} and {@code /api/v1/ops/...}: files and directories over HTTP, streamed both ways. */
package org.cloudweb.web.storage;
