package org.notifyhub.common;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/** Reports missing or contradictory settings as one message listing each, instead of a stack trace. */
public class MissingSettingsFailureAnalyzer extends AbstractFailureAnalyzer<MissingSettingsException> {

    @Override
    protected FailureAnalysis analyze(Throwable rootFailure, MissingSettingsException cause) {
        StringBuilder description = new StringBuilder(cause.headline());
        cause.problems().forEach(problem -> description.append("\n  - ").append(problem));
        return new FailureAnalysis(description.toString(),
                "Set each of these as README \"Configuration for production\" says.", cause);
    }
}
