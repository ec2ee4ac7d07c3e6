package org.notifyhub.services;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.notifyhub.recipients.EmailAddresses;
import org.notifyhub.recipients.InvalidRecipientException;
import org.notifyhub.recipients.PhoneNumbers;
import org.notifyhub.templates.TemplateType;
import org.springframework.stereotype.Component;

/** The people a trial service or a team key may send to: team members and the guest list. */
@Component
public class TeamRecipients {

    private final TeamRepository team;

    public TeamRecipients(TeamRepository team) {
        this.team = team;
    }

    public List<String> emailAddresses(UUID serviceId) {
        return team.teamEmailAddresses(serviceId);
    }

    public List<String> phoneNumbers(UUID serviceId) {
        return team.teamPhoneNumbers(serviceId);
    }

    /**
     * The team's and guest list's recipients for one type of template in the normalised form notifications are
     * matched by; entries that are not valid recipients are left out, and letters have none.
     */
    public Set<String> normalised(UUID serviceId, TemplateType type) {
        Set<String> normalised = new HashSet<>();
        switch (type) {
            case SMS -> {
                for (String number : phoneNumbers(serviceId)) {
                    try {
                        normalised.add(PhoneNumbers.parse(number).normalised());
                    } catch (InvalidRecipientException notAPhoneNumber) {
                        // a guest list entry that was never valid cannot match anyone
                    }
                }
            }
            case EMAIL -> emailAddresses(serviceId).forEach(email -> normalised.add(EmailAddresses.normalise(email)));
            case LETTER -> {
                // letters go to postal addresses, which no team list holds
            }
        }
        return normalised;
    }
}
