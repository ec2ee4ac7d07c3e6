package org.notifyhub.local;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/** Reports missing production settings as one message listing each, instead of a stack trace. */
public class MissingSettingsFailureAnalyzer extends AbstractFailureAnalyzer<MissingSettingsException> {

    @Override
    protected FailureAnalysis analyze(Throwable rootFailure, MissingSettingsException cause) {
        StringBuilder description = new StringBuilder("A real server is configured, so this node is not the local default "
                + "and every part must be real or explicitly simulated. Missing or contradictory:");
        cause.problems().forEach(problem -> description.append("\n  - ").append(problem));
        return new FailureAnalysis(description.toString(),
                "Set each of these (README \"Configuration for production\"), or unset every real endpoint to run the "
                        + "local default.", cause);
    }
}
