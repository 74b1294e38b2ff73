package io.musicsync.api;

import static io.javalin.apibuilder.ApiBuilder.get;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Properties;

/**
 * The pages: the dashboard at {@code /}, Swagger UI at {@code /docs} over the OpenAPI document at
 * {@code /openapi.json} (checked against the routes and real responses by {@code OpenApiContractTest}).
 */
public final class DocsRoutes implements ApiRoutes {

    private final String openApi = resource("api/openapi.json");
    private final String docsPage = resource("api/docs.html").replace("{{SWAGGER_UI}}", swaggerUiPath());
    private final String dashboard = resource("web/index.html");

    @Override
    public void declare(TokenAccess access) {
        get("/openapi.json", ctx -> ctx.contentType("application/json").result(openApi), ApiRole.PUBLIC);
        get("/docs", ctx -> ctx.html(docsPage), ApiRole.PUBLIC);
        get("/", ctx -> ctx.html(dashboard), ApiRole.PUBLIC);
    }

    /** Where the Swagger UI webjar serves its files; its version is read from the jar, not written here. */
    private static String swaggerUiPath() {
        Properties pom = new Properties();
        try (InputStream in = DocsRoutes.class
                .getClassLoader()
                .getResourceAsStream("META-INF/maven/org.webjars/swagger-ui/pom.properties")) {
            if (in == null) {
                throw new IllegalStateException("the swagger-ui webjar is missing");
            }
            pom.load(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return "/webjars/swagger-ui/" + pom.getProperty("version");
    }

    static String resource(String name) {
        try (InputStream in = DocsRoutes.class.getClassLoader().getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
