package io.musicsync.api;

import io.javalin.config.JavalinConfig;
import io.javalin.http.staticfiles.Location;
import java.util.Set;

/**
 * The files browsers load: the dashboard ({@code /}, its script and style under {@code /static}) and Swagger UI's
 * webjar under {@code /webjars}. Public: they hold no data; what they show comes from the API with the token.
 */
final class StaticPages {

    private StaticPages() {}

    static void configure(JavalinConfig config) {
        config.staticFiles.add(files -> {
            files.hostedPath = "/static";
            files.directory = "/web";
            files.location = Location.CLASSPATH;
            files.roles = Set.of(ApiRole.PUBLIC);
        });
        config.staticFiles.add(files -> {
            files.hostedPath = "/webjars";
            files.directory = "/META-INF/resources/webjars";
            files.location = Location.CLASSPATH;
            files.roles = Set.of(ApiRole.PUBLIC);
        });
    }
}
