package org.notifyhub.documents;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.notifyhub.api.v2.NodeScripts;
import org.notifyhub.support.HubIntegrationTest;
import org.notifyhub.support.TestServices.TestService;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Files prepared by the official Node client's prepareUpload (which sends null for every option left out): the link
 * in each email leads to the same bytes, through the email address check when the file asks for one, and a retention
 * period Notify does not offer is refused in its words.
 */
class NodeFilesIT extends HubIntegrationTest {

    @Autowired
    private JdbcClient jdbc;

    @Test
    void theNodeClientsFilesComeBackByteForByte() throws Exception {
        TestService service = testServices.create(false, List.of("email"));
        testServices.setContactLink(service.id(), "https://example.gov.uk/contact-us");
        byte[] pdf = SendFileRefusalsIT.pdf();

        JsonNode out = mapper.readTree(NodeScripts.run("files.js", Map.of(
                "NOTIFY_BASE_URL", baseUrl(),
                "NOTIFY_API_KEY", service.normalKey(),
                "EMAIL_TEMPLATE_ID", service.emailTemplate().toString(),
                "RECIPIENT", "node.recipient@example.com",
                "FILE_BASE64", Base64.getEncoder().encodeToString(pdf)), 120));

        DownloadBrowser browser = new DownloadBrowser(baseUrl());
        HttpResponse<byte[]> landing = browser.get(SendFilesIT.link(out.at("/confirmed/content/body").asText()));
        assertThat(DownloadBrowser.text(landing)).contains("contact Test service");
        String confirm = DownloadBrowser.link(landing, "/confirm-email-address");
        HttpResponse<byte[]> wrong = browser.postEmail(confirm, "someone@example.com");
        assertThat(wrong.statusCode()).isEqualTo(400);
        assertThat(DownloadBrowser.text(wrong)).contains("This is not the email address the file was sent to.");
        HttpResponse<byte[]> right = browser.postEmail(confirm, "node.recipient@example.com");
        String fileUrl = DownloadBrowser.link(browser.get(right.headers().firstValue("Location").orElseThrow()),
                "/documents/");
        HttpResponse<byte[]> confirmedFile = browser.get(fileUrl);
        assertThat(confirmedFile.body()).isEqualTo(pdf);
        assertThat(confirmedFile.headers().firstValue("Content-Disposition")).hasValueSatisfying(
                d -> assertThat(d).contains("filename=\"from-node.pdf\""));

        DownloadBrowser other = new DownloadBrowser(baseUrl());
        String openLink = SendFilesIT.link(out.at("/open/content/body").asText());
        String download = DownloadBrowser.link(other.get(openLink), "/download");
        HttpResponse<byte[]> openFile = other.get(DownloadBrowser.link(other.get(download), "/documents/"));
        assertThat(openFile.body()).isEqualTo(pdf);
        assertThat(openFile.headers().firstValue("Content-Disposition")).hasValueSatisfying(
                d -> assertThat(d).matches("inline; filename=\"[0-9a-f-]{36}\\.pdf\".*"));
        assertThat(jdbc.sql("SELECT available_until - created_at::date FROM documents WHERE filename IS NULL "
                + "AND service_id = :s").param("s", service.id()).query(Integer.class).single()).isEqualTo(28);

        assertThat(out.at("/error/status_code").asInt()).isEqualTo(400);
        assertThat(out.at("/error/errors/0/error").asText()).isEqualTo("ValidationError");
        assertThat(out.at("/error/errors/0/message").asText()).isEqualTo("retention_period Unsupported value for "
                + "retention_period: 80 weeks. Supported periods are from 1 to 78 weeks.");
    }
}
