package io.musicsync.api;

import static org.assertj.core.api.Assertions.assertThat;

import io.musicsync.support.OpenApiDocument;
import io.musicsync.support.TestService;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The OpenAPI document and the server agree: every declared route is documented and every documented operation
 * is declared. (Every JSON answer a test receives through {@link TestService} is validated against the document's
 * schemas, so the whole contract suite checks the schemas; {@link #theValidatorCatchesAnAnswerThatDiffers} shows
 * that the check bites.)
 */
class OpenApiContractTest {

    private static TestService service;
    private static final OpenApiDocument DOCUMENT = OpenApiDocument.load();

    @BeforeAll
    static void start() {
        service = TestService.standalone();
    }

    @AfterAll
    static void stop() {
        service.close();
    }

    @Test
    void everyRouteIsDocumentedAndEveryDocumentedOperationExists() {
        List<String> declared = service.api().endpoints();

        assertThat(declared).contains("POST /api/v1/sync", "GET /api/v1/health", "GET /metrics");
        assertThat(DOCUMENT.operations()).containsExactlyInAnyOrderElementsOf(declared);
    }

    @Test
    void theServedDocumentIsTheCheckedOne() {
        TestService.Answer served = service.get("/openapi.json");

        assertThat(served.status()).isEqualTo(200);
        assertThat(served.body()).isEqualTo(DOCUMENT.json());
        assertThat(served.body().get("openapi").asText()).startsWith("3.1");
    }

    @Test
    void theValidatorCatchesAnAnswerThatDiffers() {
        String id = service.submit("{\"track_name\":\"Bohemian Rhapsody\",\"artist\":\"Queen\"}");
        String real = service.awaitFinished(id).toString();

        assertThat(DOCUMENT.problems("GET", "/api/v1/sync/" + id, 200, real)).isEmpty();
        assertThat(DOCUMENT.problems("GET", "/api/v1/sync/" + id, 200, real.replace("\"status\"", "\"state\"")))
                .isNotEmpty();
        assertThat(DOCUMENT.problems("GET", "/api/v1/sync/" + id, 200, real.replace("\"completed\"", "\"done\"")))
                .isNotEmpty();
    }
}
