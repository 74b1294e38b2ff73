package io.musicsync.api;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.config.JavalinConfig;
import io.javalin.http.HttpStatus;
import jakarta.servlet.DispatcherType;
import jakarta.servlet.Filter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.EnumSet;
import org.eclipse.jetty.ee10.servlet.FilterHolder;
import org.eclipse.jetty.ee10.servlet.ServletHolder;

/**
 * A servlet served on the API's own server (e.g. the MCP endpoint's Streamable HTTP servlet), behind the same
 * bearer token as the API. Jetty gives an exact path precedence over Javalin's {@code /*}, so Javalin's handlers
 * never see its requests: a servlet filter asks for the token instead. The API knows nothing of what it serves.
 *
 * @param path the exact path it answers, e.g. {@code /mcp}
 */
public record ServletMount(String path, jakarta.servlet.http.HttpServlet servlet) implements ApiExtension {

    @Override
    public void configure(JavalinConfig config, TokenAccess access) {
        ObjectMapper json = ApiJson.newMapper();
        config.jetty.modifyServletContextHandler(handler -> {
            ServletHolder holder = new ServletHolder(servlet);
            holder.setAsyncSupported(true);
            handler.addServlet(holder, path);
            Filter guard = (request, response, chain) -> {
                if (access.isClient(((HttpServletRequest) request).getHeader("Authorization"))) {
                    chain.doFilter(request, response);
                    return;
                }
                HttpServletResponse refused = (HttpServletResponse) response;
                refused.setStatus(HttpStatus.UNAUTHORIZED.getCode());
                refused.setHeader("WWW-Authenticate", "Bearer");
                refused.setContentType("application/json");
                json.writeValue(refused.getOutputStream(), access.unauthorized());
            };
            FilterHolder filter = new FilterHolder(guard);
            filter.setAsyncSupported(true);
            handler.addFilter(filter, path, EnumSet.of(DispatcherType.REQUEST));
        });
    }
}
