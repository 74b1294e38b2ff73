package io.musicsync.api;

import io.javalin.config.JavalinConfig;
import io.javalin.http.staticfiles.JavalinStaticResourceHandler;
import io.javalin.http.staticfiles.Location;
import java.util.Set;

/**
 * The files browsers load: the dashboard ({@code /}, its script and style under {@code /static}) and Swagger UI's
 * webjar under {@code /webjars}. Public: they hold no data; what they show comes from the API with the token.
 */
final class StaticPages {

    private StaticPages() {}

    static void configure(JavalinConfig config) {
        // Javalin's own handler reads the files through the class loader. The default (Jetty's) mounts the fat jar
        // as a zip file system per location, indexing all its 53,000 entries: 140 MB of live heap, whose copying
        // made 100 ms G1 pauses on the request path (docs/benchmarks.md, "Profile of the tail").
        config.resourceHandler(new JavalinStaticResourceHandler());
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
