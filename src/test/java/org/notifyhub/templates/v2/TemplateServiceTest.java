package org.notifyhub.templates.v2;

import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.notifyhub.services.ApiKeyRepository;
import org.notifyhub.services.ServiceRepository;
import org.notifyhub.support.HubIntegrationTest;
import org.notifyhub.support.TestService;
import org.notifyhub.templates.TemplateRepository;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Each test gets a fresh service of its own to make templates in, so what the API lists is only the test's. */
abstract class TemplateServiceTest extends HubIntegrationTest {

    @Autowired
    protected ServiceRepository services;
    @Autowired
    protected ApiKeyRepository apiKeys;
    @Autowired
    private TemplateRepository templates;
    @Autowired
    private JdbcClient jdbc;

    protected TestService service;
    protected TemplateFixtureRepository fixtures;

    @BeforeEach
    void createService() {
        service = TestService.create(services, apiKeys);
        fixtures = new TemplateFixtureRepository(jdbc);
    }

    protected UUID newTemplate(String name, String type, String subject, String content) {
        UUID id = UUID.randomUUID();
        templates.insert(id, service.id(), name, type, subject, content, TestService.SYSTEM_USER);
        return id;
    }
}
