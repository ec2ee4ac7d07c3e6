package org.notifyhub.services;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.notifyhub.recipients.EmailAddresses;
import org.notifyhub.recipients.InvalidRecipientException;
import org.notifyhub.recipients.PhoneNumbers;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The people a trial service or a team key may send to: team members and the guest list. */
@Repository
public class TeamRecipients {

    private final JdbcClient jdbc;

    public TeamRecipients(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public List<String> emailAddresses(UUID serviceId) {
        return jdbc.sql("""
                        SELECT u.email_address FROM users u JOIN user_to_service us ON us.user_id = u.id
                        WHERE us.service_id = :serviceId
                        UNION ALL
                        SELECT recipient FROM service_whitelist WHERE service_id = :serviceId AND recipient_type = 'email'""")
                .param("serviceId", serviceId)
                .query(String.class)
                .list();
    }

    public List<String> phoneNumbers(UUID serviceId) {
        return jdbc.sql("""
                        SELECT u.mobile_number FROM users u JOIN user_to_service us ON us.user_id = u.id
                        WHERE us.service_id = :serviceId AND u.mobile_number IS NOT NULL
                        UNION ALL
                        SELECT recipient FROM service_whitelist WHERE service_id = :serviceId AND recipient_type = 'mobile'""")
                .param("serviceId", serviceId)
                .query(String.class)
                .list();
    }

    /**
     * The team's and guest list's recipients of one channel ({@code sms} or {@code email}) in the normalised form
     * notifications are matched by; entries that are not valid recipients are left out.
     */
    public Set<String> normalised(UUID serviceId, String channel) {
        Set<String> normalised = new HashSet<>();
        if ("sms".equals(channel)) {
            for (String number : phoneNumbers(serviceId)) {
                try {
                    normalised.add(PhoneNumbers.parse(number).normalised());
                } catch (InvalidRecipientException notAPhoneNumber) {
                    // a guest list entry that was never valid cannot match anyone
                }
            }
        } else if ("email".equals(channel)) {
            emailAddresses(serviceId).forEach(email -> normalised.add(EmailAddresses.normalise(email)));
        }
        return normalised;
    }
}
