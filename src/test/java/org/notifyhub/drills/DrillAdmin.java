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
 * The admin app's side of a CSV job, over HTTP against a drill's node: the recipient file uploaded and checked, then
 * the job created from it, each call with a fresh admin JWT, so a drill starts a job exactly as Notify's admin does.
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
                + "&original_file_name=drill.csv", csv, "text/csv");
        String jobId = uploaded.at("/data/job_id").asText();
        post("/service/" + serviceId + "/job", "{\"id\": \"" + jobId + "\", \"created_by\": \""
                + TestServices.SYSTEM_USER + "\"}", "application/json");
        return UUID.fromString(jobId);
    }

    private JsonNode post(String path, String body, String contentType) throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(URI.create(baseUrl + path))
                .timeout(Duration.ofSeconds(120))
                .header("Authorization", "Bearer " + Jwt.signed("notify-admin", DrillBed.ADMIN_SECRET, Instant.now()))
                .header("Content-Type", contentType)
                .POST(HttpRequest.BodyPublishers.ofString(body)).build();
        HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 201) {
            throw new IllegalStateException("POST " + path + " answered " + response.statusCode() + ": " + response.body());
        }
        return mapper.readTree(response.body());
    }
}
