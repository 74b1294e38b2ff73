package io.musicsync.api;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Extensions add routes and servlets to the API's server, behind the same token as the API. */
class ApiExtensionTest {

    private static final String TOKEN = "extension-test-token";
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @Test
    void extraRoutesAndServletsNeedTheTokenUnlessDeclaredPublic() throws Exception {
        ApiExtension routes = (config, access) -> config.routes.apiBuilder(() -> {
            io.javalin.apibuilder.ApiBuilder.get("/extra/open", ctx -> ctx.result("open"), ApiRole.PUBLIC);
            io.javalin.apibuilder.ApiBuilder.get("/extra/closed", ctx -> ctx.result("closed"));
        });
        ServletMount servlet = new ServletMount("/servlet", new HttpServlet() {
            @Override
            protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
                response.getWriter().write("from the servlet");
            }
        });
        ApiLimits limits = ApiLimits.from(new io.musicsync.config.Settings.Api("127.0.0.1", 1, TOKEN, List.of(), 1000));
        try (ApiServer server = new ApiServer(List.of(), List.of(routes, servlet), TOKEN, limits, Clock.systemUTC())
                .start("127.0.0.1", 0)) {
            URI base = URI.create("http://127.0.0.1:" + server.port());

            assertThat(fetch(base.resolve("/extra/open"), null).body()).isEqualTo("open");
            assertThat(fetch(base.resolve("/extra/closed"), null).statusCode()).isEqualTo(401);
            assertThat(fetch(base.resolve("/extra/closed"), TOKEN).body()).isEqualTo("closed");
            HttpResponse<String> refused = fetch(base.resolve("/servlet"), "wrong");
            assertThat(refused.statusCode()).isEqualTo(401);
            assertThat(refused.body()).contains("\"error\":\"unauthorized\"");
            assertThat(fetch(base.resolve("/servlet"), TOKEN).body()).isEqualTo("from the servlet");
            assertThat(server.endpoints()).contains("GET /extra/open", "GET /extra/closed");
        }
    }

    private static HttpResponse<String> fetch(URI uri, String token) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri).GET();
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}
