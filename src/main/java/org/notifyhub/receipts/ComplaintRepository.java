package org.notifyhub.receipts;

import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Complaints, and the email a complaint is about (complaints can arrive after it moved to notification_history). */
@Repository
public class ComplaintRepository {

    private final JdbcClient jdbc;

    public ComplaintRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public Optional<ComplainedNotification> findNotification(String sesMessageId) {
        return jdbc.sql("""
                        SELECT id, service_id, client_reference, "to" FROM notifications WHERE reference = :reference
                        UNION ALL
                        SELECT id, service_id, client_reference, NULL FROM notification_history WHERE reference = :reference
                        LIMIT 1""")
                .param("reference", sesMessageId)
                .query((rs, n) -> new ComplainedNotification(rs.getObject("id", UUID.class),
                        rs.getObject("service_id", UUID.class), rs.getString("client_reference"), rs.getString("to")))
                .optional();
    }

    /** Stores a complaint; false when one with the same SES feedback id is already stored. */
    public boolean insert(Complaint complaint) {
        return jdbc.sql("""
                        INSERT INTO complaints (id, notification_id, service_id, ses_feedback_id, complaint_type,
                                                complaint_date, created_at)
                        VALUES (:id, :notificationId, :serviceId, :sesFeedbackId, :complaintType, :complaintDate, :createdAt)
                        ON CONFLICT (ses_feedback_id) WHERE ses_feedback_id IS NOT NULL DO NOTHING""")
                .param("id", complaint.id())
                .param("notificationId", complaint.notificationId())
                .param("serviceId", complaint.serviceId())
                .param("sesFeedbackId", complaint.sesFeedbackId())
                .param("complaintType", complaint.complaintType())
                .param("complaintDate", complaint.complaintDate())
                .param("createdAt", complaint.createdAt())
                .update() == 1;
    }
}
