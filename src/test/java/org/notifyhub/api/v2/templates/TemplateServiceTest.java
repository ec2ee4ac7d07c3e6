package org.notifyhub.api.v2.templates;

import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.notifyhub.support.HubIntegrationTest;
import org.notifyhub.support.Jwt;
import org.notifyhub.support.TestServices.TestService;
import org.notifyhub.support.TestServices;
import org.notifyhub.templates.TemplateRepository;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Each test gets a fresh service to make templates in. The templates every test service starts with are archived,
 * so what the API lists is only what the test made.
 */
abstract class TemplateServiceTest extends HubIntegrationTest {

    static final List<String> PERMISSIONS = List.of("email", "sms", "letter");

    @Autowired
    private TemplateRepository templates;
    @Autowired
    private JdbcClient jdbc;

    protected TestService service;
    protected TemplateFixtureRepository fixtures;

    @BeforeEach
    void createService() {
        service = testServices.create(false, PERMISSIONS);
        fixtures = new TemplateFixtureRepository(jdbc);
        List.of(service.smsTemplate(), service.emailTemplate(), service.letterTemplate()).forEach(fixtures::archive);
    }

    protected UUID newTemplate(String name, String type, String subject, String content) {
        UUID id = UUID.randomUUID();
        templates.insert(id, service.id(), name, type, subject, content, TestServices.SYSTEM_USER);
        return id;
    }

    protected String bearer() {
        return "Bearer " + Jwt.forKey(service.normalKey());
    }
}
