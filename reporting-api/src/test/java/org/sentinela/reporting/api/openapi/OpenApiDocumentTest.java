package org.sentinela.reporting.api.openapi;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.sentinela.reporting.api.ApiClient.Answer;
import org.sentinela.reporting.api.PublishedRunsApiTest;
import org.sentinela.reporting.api.param.ReadsParameters;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.core.DefaultParameterNameDiscoverer;
import org.springframework.core.MethodParameter;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * The hand-written OpenAPI description at {@code /api/v1/openapi.json} matches the controllers:
 * every implemented path, method and parameter is described, and nothing else is.
 */
class OpenApiDocumentTest extends PublishedRunsApiTest {

  private static final String DOCUMENT = "/api/v1/openapi.json";

  @Autowired
  @Qualifier("requestMappingHandlerMapping")
  private RequestMappingHandlerMapping mappings;

  @Test
  void isServedAsAnOpenApi3JsonDocument() {
    Answer answer = api.get(DOCUMENT);

    assertThat(answer.status()).isEqualTo(200);
    assertThat(answer.contentType()).startsWith("application/json");
    assertThat(answer.json().get("openapi").asText()).startsWith("3.");
    assertThat(answer.json().get("info").get("title").asText()).isNotBlank();
    assertThat(answer.json().get("paths").has(DOCUMENT)).isTrue();
  }

  @Test
  void describesExactlyTheImplementedPathsMethodsAndParameters() {
    JsonNode paths = api.get(DOCUMENT).json().get("paths");
    Map<String, Set<String>> implemented = implementedParameters();
    assertThat(implemented).containsKeys("GET /api/v1/runs", "GET /api/v1/suppliers/{id}");

    for (Map.Entry<String, Set<String>> operation : implemented.entrySet()) {
      String[] methodAndPath = operation.getKey().split(" ", 2);
      JsonNode described = paths.path(methodAndPath[1]).path(methodAndPath[0].toLowerCase());
      assertThat(described.isObject()).as(operation.getKey() + " is described").isTrue();
      Set<String> describedParameters = new TreeSet<>();
      described
          .path("parameters")
          .forEach(p -> describedParameters.add(parameterName(p, api.get(DOCUMENT).json())));
      assertThat(describedParameters)
          .as("parameters of " + operation.getKey())
          .isEqualTo(operation.getValue());
      assertThat(described.path("responses").has("200")).isTrue();
    }

    Set<String> documented = new TreeSet<>();
    paths
        .fieldNames()
        .forEachRemaining(
            path ->
                paths
                    .get(path)
                    .fieldNames()
                    .forEachRemaining(m -> documented.add(m.toUpperCase() + " " + path)));
    documented.remove("GET " + DOCUMENT);
    assertThat(documented).as("documented operations").isEqualTo(implemented.keySet());
  }

  @Test
  void everyReferenceResolves() {
    JsonNode document = api.get(DOCUMENT).json();
    ArrayList<String> refs = new ArrayList<>();
    collectRefs(document, refs);

    assertThat(refs).isNotEmpty();
    for (String ref : refs) {
      assertThat(ref).startsWith("#/");
      assertThat(document.at(ref.substring(1)).isMissingNode()).as(ref).isFalse();
    }
  }

  /** "GET /api/v1/…" of every controller operation, with its query and path parameter names. */
  private Map<String, Set<String>> implementedParameters() {
    Map<String, Set<String>> operations = new TreeMap<>();
    DefaultParameterNameDiscoverer names = new DefaultParameterNameDiscoverer();
    for (Map.Entry<RequestMappingInfo, HandlerMethod> mapping :
        mappings.getHandlerMethods().entrySet()) {
      for (String path : mapping.getKey().getPathPatternsCondition().getPatternValues()) {
        if (!path.startsWith("/api/")) {
          continue;
        }
        Set<String> parameters = new TreeSet<>();
        ReadsParameters read = mapping.getValue().getMethodAnnotation(ReadsParameters.class);
        if (read != null) {
          parameters.addAll(List.of(read.query()));
          parameters.addAll(List.of(read.headers()));
        }
        for (MethodParameter parameter : mapping.getValue().getMethodParameters()) {
          parameter.initParameterNameDiscovery(names);
          RequestParam query = parameter.getParameterAnnotation(RequestParam.class);
          PathVariable pathVariable = parameter.getParameterAnnotation(PathVariable.class);
          RequestHeader header = parameter.getParameterAnnotation(RequestHeader.class);
          if (header != null && !header.name().equals("Authorization")) {
            parameters.add(header.name());
          } else if (query != null) {
            parameters.add(query.name().isEmpty() ? parameter.getParameterName() : query.name());
          } else if (pathVariable != null) {
            parameters.add(
                pathVariable.name().isEmpty() ? parameter.getParameterName() : pathVariable.name());
          }
        }
        Set<RequestMethod> methods = mapping.getKey().getMethodsCondition().getMethods();
        for (RequestMethod method : methods) {
          operations.put(method.name() + " " + path, parameters);
        }
      }
    }
    return operations;
  }

  private static String parameterName(JsonNode parameter, JsonNode document) {
    if (parameter.has("$ref")) {
      return document.at(parameter.get("$ref").asText().substring(1)).get("name").asText();
    }
    return parameter.get("name").asText();
  }

  private static void collectRefs(JsonNode node, ArrayList<String> refs) {
    if (node.isObject()) {
      node.properties()
          .forEach(
              field -> {
                if (field.getKey().equals("$ref")) {
                  refs.add(field.getValue().asText());
                } else {
                  collectRefs(field.getValue(), refs);
                }
              });
    } else if (node.isArray()) {
      node.forEach(child -> collectRefs(child, refs));
    }
  }
}
