package org.notifyhub.api.v2.templates;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.UUID;
import org.notifyhub.api.v2.schemas.FieldCheck;
import org.notifyhub.api.v2.schemas.RequestSchema;
import org.notifyhub.common.V2ApiException;
import org.notifyhub.common.V2ValidationException;
import org.notifyhub.templates.TemplateType;

/** The request checks of the v2 template endpoints, with Notify's error texts. */
final class TemplateRequests {

    private static final List<String> TYPES = TemplateType.wireNames();
    private static final RequestSchema BY_ID = new RequestSchema().required("id", FieldCheck.uuid());
    private static final RequestSchema LIST = new RequestSchema().optional("type", TemplateRequests::templateType);
    private static final BigInteger MAX_VERSION = BigInteger.valueOf(Integer.MAX_VALUE);

    private TemplateRequests() {
    }

    /** A template id from the path: {@code id is not a valid UUID} otherwise. */
    static UUID templateId(String value) {
        ObjectNode request = JsonNodeFactory.instance.objectNode().put("id", value);
        BY_ID.validate(request);
        return UUID.fromString(value);
    }

    /**
     * A version from the path. Notify's route only matches digits (anything else is a 404) and treats version 0
     * as no version at all, so 0 asks for the latest; a version past any stored one is simply not found.
     */
    static OptionalInt version(String value) {
        if (value == null || !value.matches("[0-9]+")) {
            throw V2ApiException.notFound();
        }
        BigInteger version = new BigInteger(value);
        if (version.compareTo(MAX_VERSION) > 0) {
            throw V2ApiException.notFound();
        }
        return version.signum() == 0 ? OptionalInt.empty() : OptionalInt.of(version.intValue());
    }

    /** The optional {@code type} filter of GET /v2/templates; other query arguments are refused. */
    static String listType(ObjectNode queryArgs) {
        LIST.validate(queryArgs);
        JsonNode type = queryArgs.get("type");
        return type == null ? null : type.asText();
    }

    /**
     * Checks a preview body, which Notify validates with the path's id added; unlike the send schemas it allows
     * other properties. (Notify fails with a 500 on a body that is JSON but not an object; this says why instead.)
     */
    static void checkPreview(String templateId, JsonNode body) {
        if (!body.isObject()) {
            throw V2ApiException.validation(body + " is not of type object");
        }
        List<String> errors = new ArrayList<>();
        FieldCheck.uuid().check(JsonNodeFactory.instance.textNode(templateId)).ifPresent(m -> errors.add("id " + m));
        JsonNode personalisation = body.get("personalisation");
        if (personalisation != null) {
            FieldCheck.object().check(personalisation).ifPresent(m -> errors.add("personalisation " + m));
        }
        if (!errors.isEmpty()) {
            throw new V2ValidationException(errors);
        }
    }

    private static Optional<String> templateType(JsonNode value) {
        if (value.isTextual() && TYPES.contains(value.asText())) {
            return Optional.empty();
        }
        return Optional.of(pythonRepr(value.asText()).replace("'", "") + " is not one of [sms, email, letter]");
    }

    /** Python's repr of a string, which jsonschema's message quotes the value with. */
    private static String pythonRepr(String text) {
        String escaped = text.replace("\\", "\\\\");
        if (text.contains("'") && !text.contains("\"")) {
            return "\"" + escaped + "\"";
        }
        return "'" + escaped.replace("'", "\\'") + "'";
    }
}
