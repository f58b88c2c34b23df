package org.opencrm.deals.shop;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.opencrm.platform.starter.web.InvalidFieldsException;
import org.opencrm.platform.starter.web.ProblemDetailsAdvice.FieldProblem;
import org.springframework.stereotype.Component;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads shop request bodies from their raw bytes (the signature is over those bytes): one item, or a batch as
 * a JSON array of at most {@value #MAX_BATCH} items, each checked on its own with Bean Validation so that a bad
 * item names its fields ({@code [3].lines[0].sku}) without refusing the others.
 */
@Component
class ShopRequests {

    static final int MAX_BATCH = 1000;

    /** One item of a batch: its value, or what is wrong with it. */
    record Item<T>(int index, T value, List<FieldProblem> problems) {

        boolean valid() {
            return problems.isEmpty();
        }
    }

    private final JsonMapper json;
    private final Validator validator;

    ShopRequests(JsonMapper json, Validator validator) {
        this.json = json;
        this.validator = validator;
    }

    /** The single item, or 400 naming every invalid field. */
    <T> T one(byte[] body, Class<T> type) {
        Item<T> item = item(-1, tree(body), type, "");
        if (!item.valid()) {
            throw new InvalidFieldsException(item.problems());
        }
        return item.value();
    }

    /** Every item of the batch, valid or not; 400 if the body is not an array of 1 to {@value #MAX_BATCH} items. */
    <T> List<Item<T>> many(byte[] body, Class<T> type) {
        JsonNode tree = tree(body);
        if (!tree.isArray() || tree.isEmpty() || tree.size() > MAX_BATCH) {
            throw InvalidFieldsException.of("body", "must be a JSON array of 1 to " + MAX_BATCH + " items");
        }
        List<Item<T>> items = new ArrayList<>();
        for (int i = 0; i < tree.size(); i++) {
            items.add(item(i, tree.get(i), type, "[" + i + "]."));
        }
        return items;
    }

    private JsonNode tree(byte[] body) {
        if (body == null || body.length == 0) {
            throw InvalidFieldsException.of("body", "is required");
        }
        try {
            return json.readTree(body);
        } catch (JacksonException e) {
            throw InvalidFieldsException.of("body", "is not valid JSON");
        }
    }

    private <T> Item<T> item(int index, JsonNode node, Class<T> type, String prefix) {
        if (node == null || !node.isObject()) {
            return new Item<>(index, null, List.of(new FieldProblem(prefix.isEmpty() ? "body" : prefix.substring(0,
                    prefix.length() - 1), "must be a JSON object")));
        }
        T value;
        try {
            value = json.treeToValue(node, type);
        } catch (JacksonException e) {
            return new Item<>(index, null, List.of(new FieldProblem(prefix + path(e), "has an invalid value")));
        }
        List<FieldProblem> problems = new ArrayList<>();
        for (ConstraintViolation<T> v : validator.validate(value)) {
            problems.add(new FieldProblem(prefix + v.getPropertyPath().toString(), v.getMessage()));
        }
        problems.sort(Comparator.comparing(FieldProblem::field));
        return new Item<>(index, value, problems);
    }

    /** A field's path as the problems name it: {@code lines[0].quantity}. */
    static String path(JacksonException e) {
        StringBuilder path = new StringBuilder();
        for (JacksonException.Reference ref : e.getPath()) {
            if (ref.getPropertyName() != null) {
                if (!path.isEmpty()) {
                    path.append('.');
                }
                path.append(ref.getPropertyName());
            } else if (ref.getIndex() >= 0) {
                path.append('[').append(ref.getIndex()).append(']');
            }
        }
        return path.isEmpty() ? "body" : path.toString();
    }
}
