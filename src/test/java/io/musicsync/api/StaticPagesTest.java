package io.musicsync.api;

import static org.assertj.core.api.Assertions.assertThat;

import io.musicsync.support.TestService;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The dashboard's and Swagger UI's files, as Javalin's own resource handler serves them from the class path. */
class StaticPagesTest {

    private static TestService service;
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @BeforeAll
    static void start() {
        service = TestService.standalone();
    }

    @AfterAll
    static void stop() {
        service.close();
    }

    private static HttpResponse<String> get(String path) throws IOException, InterruptedException {
        URI url = URI.create(service.baseUrl() + path);
        return HTTP.send(HttpRequest.newBuilder(url).GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void servesTheDashboardFilesWithTheirTypesAndTheSecurityHeaders() throws Exception {
        HttpResponse<String> style = get("/static/dashboard.css");
        HttpResponse<String> script = get("/static/dashboard.js");

        assertThat(style.statusCode()).isEqualTo(200);
        assertThat(style.headers().firstValue("Content-Type"))
                .hasValueSatisfying(t -> assertThat(t).startsWith("text/css"));
        assertThat(style.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
        assertThat(style.body()).isEqualTo(DocsRoutes.resource("web/dashboard.css"));
        assertThat(script.statusCode()).isEqualTo(200);
        assertThat(script.body()).isEqualTo(DocsRoutes.resource("web/dashboard.js"));
    }

    @Test
    void servesSwaggerUiFromItsWebjarAtThePathTheDocsPageNames() throws Exception {
        String docs = get("/docs").body();
        String css = docs.replaceAll("(?s).*?(/webjars/swagger-ui/[^\"]+?\\.css).*", "$1");

        HttpResponse<String> answer = get(css);

        assertThat(css).startsWith("/webjars/swagger-ui/");
        assertThat(answer.statusCode()).isEqualTo(200);
        assertThat(answer.body()).contains(".swagger-ui");
    }

    @Test
    void nothingOutsideTheTwoFoldersIsServed() throws Exception {
        for (String path : new String[] {
            "/static/../logback.xml",
            "/static/%2e%2e/logback.xml",
            "/webjars/../../io/musicsync/AppComponents.class",
            "/static/../api/openapi.json",
            "/static/missing.css"
        }) {
            HttpResponse<String> answer = get(path);
            assertThat(answer.statusCode()).as(path).isIn(400, 404);
            assertThat(answer.body()).as(path).doesNotContain("<configuration").doesNotContain("\"openapi\"");
        }
    }
}
