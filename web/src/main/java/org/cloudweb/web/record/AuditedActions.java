package org.cloudweb.web.record;

import java.util.List;

/**
 * The action a request stands for in the audit trail, from its method and path (relative to {@code /api/v1}):
 * the same names the services use when such a call succeeds. Reads other than downloads are not audited.
 */
final class AuditedActions {

    private AuditedActions() {
    }

    /** The action, or null for a request that is not audited. */
    static String of(String method, List<String> segments, boolean directoryRequested) {
        if (segments.isEmpty()) {
            return null;
        }
        String root = segments.get(0);
        int depth = segments.size();
        return switch (root) {
            case "fs" -> switch (method) {
                case "PUT" -> directoryRequested || depth <= 3 ? "fs.mkdir" : "fs.put";
                case "GET" -> "fs.get";
                case "PATCH" -> "fs.update";
                case "DELETE" -> "fs.delete";
                default -> null;
            };
            case "ops" -> depth == 2 && method.equals("POST") ? switch (segments.get(1)) {
                case "move" -> "fs.move";
                case "copy" -> "fs.copy";
                default -> null;
            } : null;
            case "users" -> users(method, depth, segments);
            case "tokens" -> depth == 1 && method.equals("POST") ? "login"
                    : depth == 2 && method.equals("DELETE") ? "logout" : null;
            case "config" -> depth == 1 && method.equals("PUT") ? "config.update" : null;
            case "admin" -> depth == 2 && method.equals("POST") ? "admin." + segments.get(1) : null;
            case "alerts" -> alerts(method, depth, segments);
            default -> null;
        };
    }

    private static String alerts(String method, int depth, List<String> segments) {
        if (depth < 2 || !segments.get(1).equals("rules")) {
            return null;
        }
        if (depth == 2) {
            return method.equals("POST") ? "alert.rule.create" : null;
        }
        return depth == 3 ? switch (method) {
            case "PUT" -> "alert.rule.update";
            case "DELETE" -> "alert.rule.delete";
            default -> null;
        } : null;
    }

    private static String users(String method, int depth, List<String> segments) {
        if (depth == 1) {
            return method.equals("POST") ? "user.create" : null;
        }
        if (depth == 2) {
            return switch (method) {
                case "PATCH" -> "user.update";
                case "DELETE" -> "user.delete";
                default -> null;
            };
        }
        return depth == 3 && segments.get(2).equals("quota") && method.equals("PUT") ? "quota.update" : null;
    }
}
