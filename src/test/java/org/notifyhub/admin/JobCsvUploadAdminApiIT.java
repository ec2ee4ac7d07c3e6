package org.notifyhub.admin;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.notifyhub.support.TestServices.TestService;
import org.springframework.beans.factory.annotation.Autowired;
import software.amazon.awssdk.core.ResponseBytes;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.GetObjectResponse;
import software.amazon.awssdk.services.s3.model.NoSuchBucketException;
import software.amazon.awssdk.services.s3.model.S3Object;

/** A recipient CSV checked with Notify's rules before any job exists: errors back, or the file stored for the job. */
class JobCsvUploadAdminApiIT extends AdminApiTest {

    @Autowired
    private S3Client s3;

    @Test
    void aGoodFileIsStoredWithTheMetadataJobCreationReads() throws Exception {
        TestService service = testServices.create(false, List.of("sms"));
        String csv = "phone number,name\n07700900123,Ada\n+44 7700 900124,Grace\n";

        AdminClient.Response response = admin.send("POST", "/service/" + service.id() + "/job/upload?template_id="
                + service.smsTemplate() + "&original_file_name=people.csv", csv, "Bearer " + admin.token(), "text/csv");

        assertThat(response.status()).as(response.body()).isEqualTo(201);
        String jobId = response.json().at("/data/job_id").asText();
        assertThat(response.json().at("/data/notification_count").asInt()).isEqualTo(2);
        ResponseBytes<GetObjectResponse> stored = s3.getObjectAsBytes(request -> request.bucket("notifications-csv-upload")
                .key("service-" + service.id() + "-notify/" + jobId + ".csv"));
        assertThat(stored.asUtf8String()).isEqualTo(csv);
        assertThat(stored.response().metadata()).containsAllEntriesOf(Map.of(
                "template_id", service.smsTemplate().toString(), "original_file_name", "people.csv",
                "notification_count", "2", "valid", "True"));
    }

    private List<S3Object> storedFor(TestService service) {
        try {
            return s3.listObjectsV2(request -> request.bucket("notifications-csv-upload").prefix("service-" + service.id()))
                    .contents();
        } catch (NoSuchBucketException e) {
            return List.of();
        }
    }

    @Test
    void aBadFileGetsItsFileAndRowErrorsAndNothingIsStored() throws Exception {
        TestService service = testServices.create(false, List.of("sms"));

        AdminClient.Response noColumn = admin.send("POST", "/service/" + service.id() + "/job/upload?template_id="
                + service.smsTemplate(), "name\nAda\n", "Bearer " + admin.token(), "text/csv");
        AdminClient.Response badRows = admin.send("POST", "/service/" + service.id() + "/job/upload?template_id="
                + service.smsTemplate(), "phone number,name\n07700900123,\n0770090012a,Bob\n", "Bearer " + admin.token(),
                "text/csv");

        assertThat(noColumn.status()).isEqualTo(400);
        assertThat(noColumn.json().at("/result").asText()).isEqualTo("error");
        assertThat(noColumn.json().at("/message/file_errors")).isNotEmpty();
        assertThat(badRows.status()).isEqualTo(400);
        assertThat(badRows.json().at("/message/row_error_count").asInt()).isEqualTo(2);
        assertThat(badRows.json().at("/message/row_errors/0/cells/name").asText()).isEqualTo("Missing");
        assertThat(badRows.json().at("/message/row_errors/1/cells/phone number").asText())
                .isEqualTo("Must not contain letters or symbols");
        assertThat(storedFor(service)).isEmpty();
    }
}
