package org.notifyhub.drills;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.notifyhub.support.Jwt;
import org.notifyhub.support.TestServices;

/**
 * The admin app's side, over HTTP against a drill's node, each call with a fresh admin JWT: a CSV job (the recipient
 * file uploaded and checked, then the job created from it) and an operator's letter collation, as Notify's admin does.
 */
final class DrillAdmin {

    private final ObjectMapper mapper = new ObjectMapper();
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final String baseUrl;

    DrillAdmin(String baseUrl) {
        this.baseUrl = baseUrl;
    }

    /** Uploads the CSV for this template and creates its job (pending, process-job queued); returns the job id. */
    UUID startJob(UUID serviceId, UUID templateId, String csv) throws IOException, InterruptedException {
        JsonNode uploaded = post("/service/" + serviceId + "/job/upload?template_id=" + templateId
                + "&original_file_name=drill.csv", csv, "text/csv", 201, Duration.ofSeconds(120));
        String jobId = uploaded.at("/data/job_id").asText();
        post("/service/" + serviceId + "/job", "{\"id\": \"" + jobId + "\", \"created_by\": \""
                + TestServices.SYSTEM_USER + "\"}", "application/json", 201, Duration.ofSeconds(120));
        return UUID.fromString(jobId);
    }

    /** POST /platform-admin/collate-letter-pdfs, as an operator does; the summary under {@code data}. */
    JsonNode collate() throws IOException, InterruptedException {
        return post("/platform-admin/collate-letter-pdfs", null, null, 200, Duration.ofMinutes(3)).path("data");
    }

    /** A POST with this body (none when null) that must answer {@code expected}; its JSON answer. */
    private JsonNode post(String path, String body, String contentType, int expected, Duration timeout)
            throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(baseUrl + path))
                .timeout(timeout)
                .header("Authorization", "Bearer " + Jwt.signed("notify-admin", DrillBed.ADMIN_SECRET, Instant.now()))
                .POST(body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        if (contentType != null) {
            request.header("Content-Type", contentType);
        }
        HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != expected) {
            throw new IllegalStateException("POST " + path + " answered " + response.statusCode() + ": " + response.body());
        }
        return mapper.readTree(response.body());
    }
}
