package org.opencrm.platform.starter.web;

import jakarta.validation.ConstraintViolationException;
import jakarta.validation.Validator;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * JSON Merge Patch (RFC 7396) for a record's editable state: the patch is applied to the current state as
 * the API shows it, and the result is read and validated exactly like a full replacement, so a patch can
 * never store what a replacement would refuse. Fields left out stay; null clears.
 */
public class MergePatch {

    private final JsonMapper json;
    private final Validator validator;

    public MergePatch(JsonMapper json, Validator validator) {
        this.json = json;
        this.validator = validator;
    }

    /** The state after the patch; 400 with the field named for a wrong type or an invalid value. */
    public <T> T apply(T current, JsonNode patch, Class<T> type) {
        if (!(patch instanceof ObjectNode changes)) {
            throw InvalidFieldsException.of("body", "must be a JSON object (a merge patch)");
        }
        ObjectNode state = json.valueToTree(current);
        // the version a patch was made against may be sent, but it is never inherited from the record
        state.remove("version");
        merge(state, changes);
        T patched;
        try {
            patched = json.treeToValue(state, type);
        } catch (JacksonException e) {
            throw InvalidFieldsException.of(path(e), "has a value of the wrong type");
        }
        var violations = validator.validate(patched);
        if (!violations.isEmpty()) {
            throw new ConstraintViolationException(violations);
        }
        return patched;
    }

    private static void merge(ObjectNode target, ObjectNode patch) {
        for (var field : patch.properties()) {
            JsonNode value = field.getValue();
            if (value.isNull()) {
                target.remove(field.getKey());
            } else if (value.isObject() && target.get(field.getKey()) instanceof ObjectNode nested) {
                merge(nested, (ObjectNode) value);
            } else {
                target.set(field.getKey(), value);
            }
        }
    }

    private static String path(JacksonException e) {
        var path = new StringBuilder();
        for (var reference : e.getPath()) {
            if (reference.getPropertyName() != null) {
                path.append(path.isEmpty() ? "" : ".").append(reference.getPropertyName());
            } else if (reference.getIndex() >= 0) {
                path.append('[').append(reference.getIndex()).append(']');
            }
        }
        return path.isEmpty() ? "body" : path.toString();
    }
}
