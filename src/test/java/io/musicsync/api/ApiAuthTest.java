package io.musicsync.api;

import static org.assertj.core.api.Assertions.assertThat;

import io.musicsync.support.TestService;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** With API_TOKEN set, every call but health needs the bearer token. */
class ApiAuthTest {

    private static final String BODY = "{\"track_name\":\"Bohemian Rhapsody\",\"artist\":\"Queen\"}";

    @Test
    void callsWithoutTheTokenAreRefusedAndHealthStaysOpen() {
        try (TestService service = TestService.standalone(Map.of("API_TOKEN", "s3cret-token"))) {
            TestService.Answer refused = service.post("/api/v1/sync", BODY);
            assertThat(refused.status()).isEqualTo(401);
            assertThat(refused.body().get("error").asText()).isEqualTo("unauthorized");
            assertThat(service.post("/api/v1/sync", BODY, Map.of("Authorization", "Bearer wrong"))
                            .status())
                    .isEqualTo(401);
            assertThat(service.get("/api/v1/sync/x").status()).isEqualTo(401);

            assertThat(service.post("/api/v1/sync", BODY, Map.of("Authorization", "Bearer s3cret-token"))
                            .status())
                    .isEqualTo(202);
            TestService.Answer open = service.get("/api/v1/health");
            assertThat(open.status()).isEqualTo(200);
            assertThat(open.body().get("status").asText()).isEqualTo("healthy");
            // Without the token, health tells whether the service works, not whose account it uses.
            assertThat(open.body().has("spotify")).isFalse();
            assertThat(service.get("/api/v1/health", Map.of("Authorization", "Bearer s3cret-token"))
                            .body()
                            .get("spotify")
                            .get("login")
                            .get("logged_in")
                            .asBoolean())
                    .isTrue();
        }
    }
}
