package org.notifyhub.admin.services;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.apache.camel.Body;
import org.apache.camel.Header;
import org.notifyhub.admin.AdminApiException;
import org.notifyhub.admin.KnownServices;
import org.notifyhub.admin.PathIds;
import org.notifyhub.admin.RequestBody;
import org.notifyhub.admin.Wording;
import org.notifyhub.recipients.EmailAddresses;
import org.notifyhub.recipients.InvalidRecipientException;
import org.notifyhub.recipients.PhoneNumbers;
import org.notifyhub.services.GuestListRepository;
import org.notifyhub.services.GuestListRepository.Guest;
import org.springframework.stereotype.Component;

/** /service/{service_id}/guest-list: read it, or replace it whole. */
@Component
public class GuestListAdmin {

    public record GuestList(@JsonProperty("email_addresses") List<String> emailAddresses,
                            @JsonProperty("phone_numbers") List<String> phoneNumbers) {
    }

    private final GuestListRepository guestList;
    private final KnownServices knownServices;
    private final ObjectMapper mapper;

    public GuestListAdmin(GuestListRepository guestList, KnownServices knownServices, ObjectMapper mapper) {
        this.guestList = guestList;
        this.knownServices = knownServices;
        this.mapper = mapper;
    }

    public GuestList get(@Header("service_id") String serviceIdText) {
        List<Guest> guests = guestList.find(knownServices.require(serviceIdText));
        return new GuestList(recipients(guests, GuestListRepository.EMAIL), recipients(guests, GuestListRepository.MOBILE));
    }

    /** Every entry is checked before anything changes; one bad entry rejects the lot, as in Notify. */
    public void replace(@Header("service_id") String serviceIdText, @Body String body) {
        UUID serviceId = knownServices.require(serviceIdText);
        RequestBody request = RequestBody.parse(mapper, body, Wording.JSON_SCHEMA);
        List<String> phoneNumbers = request.strings("phone_numbers");
        List<String> emailAddresses = request.strings("email_addresses");
        request.validate();
        List<Guest> guests = new ArrayList<>();
        for (String number : phoneNumbers == null ? List.<String>of() : phoneNumbers) {
            guests.add(new Guest(GuestListRepository.MOBILE, checked(number,
                    () -> PhoneNumbers.parse(number).checkPermitted(true, false))));
        }
        for (String address : emailAddresses == null ? List.<String>of() : emailAddresses) {
            guests.add(new Guest(GuestListRepository.EMAIL, checked(address, () -> EmailAddresses.validate(address))));
        }
        guestList.replace(serviceId, guests);
    }

    private static String checked(String recipient, Runnable validation) {
        try {
            validation.run();
            return recipient;
        } catch (InvalidRecipientException e) {
            throw AdminApiException.badRequest(
                    "Invalid guest list: \"" + recipient + "\" is not a valid email address or phone number");
        }
    }

    private static List<String> recipients(List<Guest> guests, String type) {
        return guests.stream().filter(g -> g.recipientType().equals(type)).map(Guest::recipient).toList();
    }
}
