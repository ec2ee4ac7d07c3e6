package org.notifyhub.common;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.Map;
import org.apache.camel.Exchange;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.support.DefaultExchange;
import org.junit.jupiter.api.Test;

/** Which ids a queue message or file names for the logs. */
class MessageMdcTest {

    private static final String ID = "0b1c2d3e-4f50-6172-8394-a5b6c7d8e9f0";
    private static final String JOB = "11111111-2222-3333-4444-555555555555";

    private final MessageMdc mdc = new MessageMdc(new ObjectMapper());

    @Test
    void deliveryAndLetterTasksNameTheirNotification() {
        assertThat(mdc.keysOf("{\"notification_id\":\"" + ID + "\",\"notification_type\":\"email\",\"attempt\":0}"))
                .isEqualTo(Map.of("notification_id", ID));
        assertThat(mdc.keysOf("{\"notification_id\":\"" + ID + "\"}")).isEqualTo(Map.of("notification_id", ID));
    }

    @Test
    void aRetryNamesTheNotificationOfTheTaskItCarries() {
        assertThat(mdc.keysOf("{\"task\":{\"notification_id\":\"" + ID + "\",\"notification_type\":\"sms\",\"attempt\":1},"
                + "\"queue\":\"send-sms-tasks\",\"due_at\":1}")).isEqualTo(Map.of("notification_id", ID));
    }

    @Test
    void jobTasksNameTheirJobs() {
        assertThat(mdc.keysOf("{\"task\":\"save-sms\",\"job_id\":\"" + JOB + "\",\"rows\":\"x\"}"))
                .isEqualTo(Map.of("job_id", JOB));
        assertThat(mdc.keysOf("{\"task\":\"process-incomplete-jobs\",\"job_ids\":[\"" + JOB + "\",\"" + ID + "\"]}"))
                .isEqualTo(Map.of("job_id", JOB + "," + ID));
    }

    @Test
    void onlyADeliveryStatusCallbackIsAboutANotification() {
        assertThat(mdc.keysOf("{\"callback_type\":\"delivery_status\",\"subject_id\":\"" + ID + "\"}"))
                .isEqualTo(Map.of("notification_id", ID));
        assertThat(mdc.keysOf("{\"callback_type\":\"complaint\",\"subject_id\":\"" + ID + "\"}")).isEmpty();
    }

    @Test
    void filesAreNamedByTheirHeadersAndAnythingElseNamesNothing() {
        Exchange file = new DefaultExchange(new DefaultCamelContext());
        file.getMessage().setHeader(Exchange.FILE_NAME_ONLY, "NOTIFY-20240101120000-RSP.TXT");
        file.getMessage().setBody("REF|Sent|0|Sorted");
        assertThat(mdc.keysOf(file)).isEqualTo(Map.of("file_name", "NOTIFY-20240101120000-RSP.TXT"));

        Exchange text = new DefaultExchange(new DefaultCamelContext());
        text.getMessage().setBody("{not json");
        assertThat(mdc.keysOf(text)).isEmpty();
    }
}
