package org.notifyhub.services;

/** The three kinds of sender a service keeps: each has one default, and archived rows stay for history. */
public enum SenderKind {
    EMAIL_REPLY_TO("service_email_reply_to", "email_address", "NULL::uuid"),
    SMS_SENDER("service_sms_senders", "sms_sender", "inbound_number_id"),
    LETTER_CONTACT("service_letter_contacts", "contact_block", "NULL::uuid");

    private final String table;
    private final String valueColumn;
    private final String inboundNumberColumn;

    SenderKind(String table, String valueColumn, String inboundNumberColumn) {
        this.table = table;
        this.valueColumn = valueColumn;
        this.inboundNumberColumn = inboundNumberColumn;
    }

    String table() {
        return table;
    }

    /** The column holding the sender itself; also its field name in Notify's JSON. */
    public String valueColumn() {
        return valueColumn;
    }

    String inboundNumberColumn() {
        return inboundNumberColumn;
    }
}
