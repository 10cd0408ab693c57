package dev.pactum.audit;

/**
 * What a request does, as the audit trail names it.
 *
 * @param action     e.g. {@code CONTRACT_SUBMIT}
 * @param objectType e.g. {@code contract}; null when the action is on no one object
 * @param objectId   the object's id when the path names it; a create learns it from the response or the engine
 * @param read       the action only reads (a GET, or a query sent as POST)
 */
record AuditedAction(String action, String objectType, String objectId, boolean read) {

    static final AuditedAction LOGIN = new AuditedAction("LOGIN", "user", null, false);
    static final AuditedAction LOGIN_FAILED = new AuditedAction("LOGIN_FAILED", "user", null, false);
    static final AuditedAction LOGOUT = new AuditedAction("LOGOUT", "user", null, false);

    AuditedAction withObjectId(String id) {
        return new AuditedAction(action, objectType, id, read);
    }

    /** A read that answered with a file: {@code CONTRACT_SEARCH} becomes {@code CONTRACT_EXPORT}. */
    AuditedAction asExport() {
        if (action.endsWith("_EXPORT")) {
            return this;
        }
        int suffix = action.lastIndexOf('_');
        String subject = suffix > 0 && !action.startsWith("API_") ? action.substring(0, suffix)
                : objectType == null ? "DATA" : objectType.toUpperCase().replace('-', '_');
        return new AuditedAction(subject + "_EXPORT", objectType, objectId, true);
    }
}
