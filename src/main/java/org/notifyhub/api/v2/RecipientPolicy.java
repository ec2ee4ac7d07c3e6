package org.notifyhub.api.v2;

import java.util.List;
import java.util.Objects;
import java.util.function.Function;
import org.notifyhub.auth.AuthenticatedApiKey;
import org.notifyhub.common.V2ApiException;
import org.notifyhub.notifications.KeyType;
import org.notifyhub.recipients.EmailAddresses;
import org.notifyhub.recipients.InvalidRecipientException;
import org.notifyhub.recipients.PhoneNumbers;
import org.notifyhub.services.TeamRecipients;
import org.springframework.stereotype.Component;

/** Who a key may send to: test keys anyone; team keys and trial services only their team and guest list. */
@Component
public class RecipientPolicy {

    static final String TEAM_KEY = "Can’t send to this recipient using a team-only API key";
    static final String TRIAL_MODE = "Can’t send to this recipient when service is in trial mode – see "
            + "https://www.notifications.service.gov.uk/trial-mode";

    private final TeamRecipients team;

    public RecipientPolicy(TeamRecipients team) {
        this.team = team;
    }

    public void checkEmail(AuthenticatedApiKey key, String normalisedEmail) {
        check(key, () -> team.emailAddresses(key.service().id()), EmailAddresses::normalise, normalisedEmail);
    }

    public void checkPhone(AuthenticatedApiKey key, String normalisedPhone) {
        check(key, () -> team.phoneNumbers(key.service().id()), RecipientPolicy::normalisePhone, normalisedPhone);
    }

    private static void check(AuthenticatedApiKey key, java.util.function.Supplier<List<String>> allowed,
                              Function<String, String> normalise, String recipient) {
        KeyType keyType = KeyType.fromWireName(key.keyType());
        boolean teamKey = keyType == KeyType.TEAM;
        boolean trial = key.service().restricted() && keyType == KeyType.NORMAL;
        if (!teamKey && !trial) {
            return;
        }
        boolean onList = allowed.get().stream().map(normalise).filter(Objects::nonNull).anyMatch(recipient::equals);
        if (!onList) {
            throw V2ApiException.badRequest(teamKey ? TEAM_KEY : TRIAL_MODE);
        }
    }

    private static String normalisePhone(String raw) {
        try {
            return PhoneNumbers.parse(raw).normalised();
        } catch (InvalidRecipientException e) {
            return null;
        }
    }
}
