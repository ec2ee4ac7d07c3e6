package org.notifyhub.conventions;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcOperations;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcOperations;
import org.springframework.jdbc.core.simple.JdbcClient;
import software.amazon.awssdk.services.sqs.SqsClient;

/**
 * The house's corridors, checked on the compiled classes: no cycle between top-level packages, one writer of SQS
 * (the outbox) and SQL only in repositories. A new shortcut through any of them fails the build.
 */
class ArchitectureTest {

    private static final String OUTBOX = "org.notifyhub.queues.Outbox";
    private static final Path JAVA = Path.of("src/main/java/org/notifyhub");
    private static final Path ROUTES = Path.of("src/main/resources/routes");

    private static JavaClasses classes;

    @BeforeAll
    static void importClasses() {
        classes = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("org.notifyhub");
    }

    @Test
    void topLevelPackagesFormNoCycle() {
        slices().matching("org.notifyhub.(*)..").should().beFreeOfCycles().check(classes);
    }

    @Test
    void onlyTheOutboxCallsTheSqsClientToSend() {
        noClasses().that().doNotHaveFullyQualifiedName(OUTBOX)
                .should().callMethodWhere(DescribedPredicate.describe("SqsClient.sendMessage…",
                        call -> call.getTarget().getOwner().isAssignableTo(SqsClient.class)
                                && call.getTarget().getName().startsWith("sendMessage")))
                .because("the outbox is the one writer of SQS, so every edge of the flow passes one route")
                .check(classes);
    }

    /** Camel endpoints are strings: a producer URI for SQS may stand only in the outbox and its route. */
    @Test
    void onlyTheOutboxNamesAnSqsProducer() throws IOException {
        try (Stream<Path> files = Files.walk(JAVA)) {
            List<Path> writers = files.filter(f -> f.toString().endsWith(".java"))
                    .filter(f -> !f.endsWith(Path.of("queues/Outbox.java")))
                    .filter(f -> read(f).contains("aws2-sqs"))
                    .toList();
            assertThat(writers).isEmpty();
        }
        Pattern producer = Pattern.compile("(?m)^\\s*-?\\s*(to|toD|uri):\\s*\"?aws2-sqs");
        try (Stream<Path> files = Files.walk(ROUTES)) {
            List<Path> routes = files.filter(f -> f.toString().endsWith(".camel.yaml"))
                    .filter(f -> !f.endsWith(Path.of("queues/outbox.camel.yaml")))
                    .filter(f -> producerLines(read(f), producer))
                    .toList();
            assertThat(routes).isEmpty();
        }
    }

    @Test
    void sqlStaysInRepositories() {
        noClasses().that().haveSimpleNameNotEndingWith("Repository")
                .should().dependOnClassesThat().areAssignableTo(JdbcClient.class)
                .orShould().dependOnClassesThat().areAssignableTo(JdbcOperations.class)
                .orShould().dependOnClassesThat().areAssignableTo(NamedParameterJdbcOperations.class)
                .orShould().dependOnClassesThat().areAssignableTo(java.sql.Connection.class)
                .because("SQL lives in repositories, with named parameters, never interpolated")
                .check(classes);
    }

    /** A route's SQS consumer is an {@code from: uri: aws2-sqs:…}; only other lines count as producers. */
    private static boolean producerLines(String yaml, Pattern producer) {
        String[] lines = yaml.split("\n");
        for (int i = 0; i < lines.length; i++) {
            if (producer.matcher(lines[i]).find() && !(lines[i].trim().startsWith("uri:") && i > 0
                    && lines[i - 1].trim().equals("from:"))) {
                return true;
            }
        }
        return false;
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
