package org.cartpath.reliability;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.cartpath.testing.Http;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * The operations of the OpenAPI document that the running application serves, and request bodies made from their
 * schemas: a plausible one (every field with a value of its type) and deliberately broken ones.
 */
final class OpenApiOperations {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    /** One operation: its method, path template, parameters and the schema of its JSON body (null if none). */
    record Operation(String method, String path, List<Parameter> parameters, String bodyContentType, JsonNode bodySchema) {

        boolean writes() {
            return !method.equals("GET");
        }

        @Override
        public String toString() {
            return method + " " + path;
        }
    }

    record Parameter(String name, String in, JsonNode schema, boolean required) {
    }

    private final JsonNode document;

    /**
     * The document the application serves. springdoc builds it on the first request, which can take longer than
     * a client's timeout on a busy machine: a timed-out fetch is asked again (the server keeps building meanwhile).
     */
    static OpenApiOperations served(Http http) {
        IllegalStateException last = null;
        for (int attempt = 0; attempt < 5; attempt++) {
            try {
                java.net.http.HttpResponse<String> response = http.get("/api/v1/openapi");
                if (response.statusCode() != 200) {
                    throw new AssertionError("GET /api/v1/openapi answered " + response.statusCode());
                }
                return new OpenApiOperations(Http.json(response));
            } catch (IllegalStateException timedOut) {
                last = timedOut;
            }
        }
        throw last;
    }

    OpenApiOperations(JsonNode document) {
        this.document = document;
    }

    List<Operation> operations() {
        List<Operation> operations = new ArrayList<>();
        for (Map.Entry<String, JsonNode> path : document.path("paths").properties()) {
            for (Map.Entry<String, JsonNode> op : path.getValue().properties()) {
                String method = op.getKey().toUpperCase(java.util.Locale.ROOT);
                if (!List.of("GET", "POST", "PUT", "PATCH", "DELETE").contains(method)) {
                    continue;
                }
                List<Parameter> parameters = new ArrayList<>();
                for (JsonNode p : op.getValue().path("parameters")) {
                    JsonNode parameter = resolve(p);
                    parameters.add(new Parameter(parameter.path("name").asText(), parameter.path("in").asText(),
                            resolve(parameter.path("schema")), parameter.path("required").asBoolean(false)));
                }
                JsonNode content = resolve(op.getValue().path("requestBody")).path("content");
                String contentType = null;
                JsonNode schema = null;
                Iterator<Map.Entry<String, JsonNode>> types = content.properties().iterator();
                if (types.hasNext()) {
                    Map.Entry<String, JsonNode> first = types.next();
                    contentType = first.getKey();
                    schema = resolve(first.getValue().path("schema"));
                    if (content.has("application/json")) {
                        contentType = "application/json";
                        schema = resolve(content.path("application/json").path("schema"));
                    }
                }
                operations.add(new Operation(method, path.getKey(), parameters, contentType, schema));
            }
        }
        operations.sort(java.util.Comparator.comparing(Operation::path).thenComparing(Operation::method));
        return operations;
    }

    JsonNode resolve(JsonNode node) {
        int depth = 0;
        while (node != null && node.has("$ref") && depth++ < 10) {
            String ref = node.get("$ref").asText();
            JsonNode target = document;
            for (String part : ref.substring(2).split("/")) {
                target = target.path(part);
            }
            node = target;
        }
        return node;
    }

    /** The ways a body is broken, besides the transport-level ones (none, malformed, wrong content type). */
    enum Corruption {
        PLAUSIBLE, WRONG_TYPES, EXTREMES, UNICODE, BLANK, FOREIGN_IDS, MALFORMED_IDS, NULLS
    }

    /** A body for {@code schema}: plausible values with {@code corruption} applied to every leaf. */
    JsonNode body(JsonNode schema, Corruption corruption, Map<String, String> knownIds, int depth) {
        schema = resolve(schema);
        if (schema == null || schema.isMissingNode()) {
            return NODES.objectNode();
        }
        if (schema.has("allOf")) {
            ObjectNode merged = NODES.objectNode();
            for (JsonNode part : schema.get("allOf")) {
                JsonNode value = body(part, corruption, knownIds, depth);
                if (value instanceof ObjectNode object) {
                    merged.setAll(object);
                }
            }
            return merged;
        }
        if (schema.has("oneOf") || schema.has("anyOf")) {
            return body(schema.has("oneOf") ? schema.get("oneOf").get(0) : schema.get("anyOf").get(0), corruption,
                    knownIds, depth);
        }
        String type = type(schema);
        if (type.equals("object") || schema.has("properties")) {
            ObjectNode object = NODES.objectNode();
            if (depth > 4) {
                return object;
            }
            for (Map.Entry<String, JsonNode> property : schema.path("properties").properties()) {
                object.set(property.getKey(), leafOrNested(property.getKey(), property.getValue(), corruption, knownIds,
                        depth + 1));
            }
            return object;
        }
        if (type.equals("array")) {
            ArrayNode array = NODES.arrayNode();
            if (depth <= 4) {
                array.add(leafOrNested("item", schema.path("items"), corruption, knownIds, depth + 1));
            }
            return array;
        }
        return leaf("value", schema, corruption, knownIds);
    }

    private JsonNode leafOrNested(String name, JsonNode schema, Corruption corruption, Map<String, String> knownIds,
            int depth) {
        JsonNode resolved = resolve(schema);
        String type = type(resolved);
        if (type.equals("object") || type.equals("array") || resolved.has("properties") || resolved.has("allOf")) {
            if (corruption == Corruption.WRONG_TYPES) {
                return NODES.stringNode("not-" + type);
            }
            if (corruption == Corruption.NULLS) {
                return NODES.nullNode();
            }
            return body(resolved, corruption, knownIds, depth);
        }
        return leaf(name, resolved, corruption, knownIds);
    }

    private JsonNode leaf(String name, JsonNode schema, Corruption corruption, Map<String, String> knownIds) {
        String type = type(schema);
        String format = schema.path("format").asText("");
        boolean id = format.equals("uuid") || name.endsWith("Id") || name.equals("id");
        switch (corruption) {
            case NULLS:
                return NODES.nullNode();
            case WRONG_TYPES:
                return switch (type) {
                    case "string" -> NODES.arrayNode().add(12);
                    case "integer", "number" -> NODES.stringNode("twelve");
                    case "boolean" -> NODES.stringNode("perhaps");
                    default -> NODES.numberNode(7);
                };
            case EXTREMES:
                return switch (type) {
                    case "integer" -> NODES.numberNode(new java.math.BigInteger("-99999999999999999999999"));
                    case "number" -> NODES.numberNode(new java.math.BigDecimal("1e400"));
                    case "boolean" -> NODES.numberNode(2);
                    default -> format.equals("date") ? NODES.stringNode("+999999999-12-31")
                            : format.equals("date-time") ? NODES.stringNode("-999999999-01-01T00:00:00Z")
                            : NODES.stringNode("x".repeat(10_000));
                };
            case UNICODE:
                return type.equals("string") ? NODES.stringNode(Payloads.UNICODE) : plausible(name, schema, knownIds);
            case BLANK:
                return type.equals("string") ? NODES.stringNode(name.hashCode() % 2 == 0 ? "" : "   ")
                        : plausible(name, schema, knownIds);
            case FOREIGN_IDS:
                return id ? NODES.stringNode(UUID.randomUUID().toString()) : plausible(name, schema, knownIds);
            case MALFORMED_IDS:
                return id ? NODES.stringNode("abc") : plausible(name, schema, knownIds);
            default:
                return plausible(name, schema, knownIds);
        }
    }

    private JsonNode plausible(String name, JsonNode schema, Map<String, String> knownIds) {
        JsonNode values = schema.path("enum");
        if (values.isArray() && !values.isEmpty()) {
            return values.get(0);
        }
        String format = schema.path("format").asText("");
        return switch (type(schema)) {
            case "integer" -> NODES.numberNode(schema.has("minimum") ? schema.get("minimum").asLong() : 1);
            case "number" -> NODES.numberNode(new java.math.BigDecimal("20.5"));
            case "boolean" -> NODES.booleanNode(true);
            default -> switch (format) {
                case "date" -> NODES.stringNode(java.time.LocalDate.now().plusDays(7).toString());
                case "date-time" -> NODES.stringNode(java.time.Instant.now().toString());
                case "uuid" -> NODES.stringNode(knownIds.getOrDefault(name, UUID.randomUUID().toString()));
                default -> NODES.stringNode(knownIds.getOrDefault(name, name.endsWith("Id")
                        ? UUID.randomUUID().toString() : "Fuzz " + name));
            };
        };
    }

    private static String type(JsonNode schema) {
        JsonNode type = schema.path("type");
        if (type.isArray()) {
            for (JsonNode t : type) {
                if (!t.asText().equals("null")) {
                    return t.asText();
                }
            }
        }
        return type.asText(schema.has("properties") ? "object" : "string");
    }

    static String write(JsonNode node) {
        return Http.JSON.writeValueAsString(node);
    }
}
