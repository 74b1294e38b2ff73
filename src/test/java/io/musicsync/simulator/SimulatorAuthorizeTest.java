package io.musicsync.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class SimulatorAuthorizeTest {

    private static final String REDIRECT = "http://127.0.0.1:8888/callback";
    private static final String VERIFIER = "dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk";
    private static final String CLIENT = "pkce-client";
    private static final String CLIENT_SECRET = "pkce-client-secret";

    private static SpotifySimulator simulator;
    private static SimHttp http;

    @BeforeAll
    static void start() {
        simulator = SpotifySimulator.start(SimulatorOptions.defaults().withLoadCatalog(false));
        simulator.registerClient(CLIENT, CLIENT_SECRET);
        http = new SimHttp(simulator);
    }

    @AfterAll
    static void stop() {
        simulator.close();
    }

    /** Approves at once; returns the query of the redirect. */
    private static Map<String, String> authorize(String redirect, String extra) {
        SimHttp.Answer answer = http.raw(
                "GET",
                "/authorize?client_id=" + CLIENT + "&response_type=code" + "&redirect_uri=" + SimHttp.encode(redirect)
                        + "&state=xyz42" + extra,
                null);
        assertThat(answer.status()).as(answer.body()).isEqualTo(302);
        URI location = URI.create(answer.header("Location"));
        assertThat(location.toString()).startsWith(redirect + "?");
        Map<String, String> query = new HashMap<>();
        for (String pair : location.getQuery().split("&")) {
            String[] kv = pair.split("=", 2);
            query.put(kv[0], kv[1]);
        }
        return query;
    }

    private static SimHttp.Answer exchange(String code, String verifier) {
        return http.token(
                Map.of(
                        "grant_type",
                        "authorization_code",
                        "code",
                        code,
                        "redirect_uri",
                        REDIRECT,
                        "client_id",
                        CLIENT,
                        "code_verifier",
                        verifier),
                false);
    }

    private static String pkce() {
        return "&code_challenge_method=S256&code_challenge=" + TokenAuthority.s256(VERIFIER);
    }

    @Test
    void redirectsWithCodeAndState() {
        Map<String, String> query = authorize(REDIRECT, "");

        assertThat(query.get("state")).isEqualTo("xyz42");
        assertThat(query.get("code")).isNotBlank();
    }

    @Test
    void pkceCodeExchangesOnceForWorkingTokens() {
        String code = authorize(REDIRECT, pkce()).get("code");

        SimHttp.Answer tokens = exchange(code, VERIFIER);

        assertThat(tokens.status()).as(tokens.body()).isEqualTo(200);
        assertThat(tokens.json().get("refresh_token").asText()).isNotBlank();
        assertThat(http.get("/me", tokens.json().get("access_token").asText()).status())
                .isEqualTo(200);
        assertThat(exchange(code, VERIFIER).json().get("error").asText()).isEqualTo("invalid_grant");
    }

    @Test
    void wrongVerifierIsInvalidGrant() {
        String code = authorize(REDIRECT, pkce()).get("code");

        SimHttp.Answer answer = exchange(code, "a-different-verifier-of-sufficient-length-000000");

        assertThat(answer.status()).isEqualTo(400);
        assertThat(answer.json().get("error").asText()).isEqualTo("invalid_grant");
        assertThat(answer.json().get("error_description").asText()).isEqualTo("code_verifier was incorrect");
    }

    @Test
    void codeWithoutPkceNeedsTheClientSecret() {
        String code = authorize(REDIRECT, "").get("code");

        SimHttp.Answer answer = http.token(
                Map.of("grant_type", "authorization_code", "code", code, "redirect_uri", REDIRECT, "client_id", CLIENT),
                false);

        assertThat(answer.json().get("error").asText()).isEqualTo("invalid_client");
    }

    @Test
    void redirectUriMustMatchTheAuthorizeOne() {
        String code = authorize(REDIRECT, pkce()).get("code");

        SimHttp.Answer answer = http.token(
                Map.of(
                        "grant_type",
                        "authorization_code",
                        "code",
                        code,
                        "redirect_uri",
                        "http://127.0.0.1:9999/other",
                        "client_id",
                        CLIENT,
                        "code_verifier",
                        VERIFIER),
                false);

        assertThat(answer.json().get("error").asText()).isEqualTo("invalid_grant");
    }

    @Test
    void tokenWithoutModifyScopeCannotAddItems() {
        String code =
                authorize(REDIRECT, pkce() + "&scope=playlist-read-private").get("code");
        String token = exchange(code, VERIFIER).json().get("access_token").asText();
        String playlist = simulator.createPlaylist("read only");

        SimHttp.Answer add = http.post("/playlists/" + playlist + "/items", token, "{\"uris\":[]}");

        assertThat(add.status()).isEqualTo(403);
        assertThat(add.json().get("error").get("message").asText()).isEqualTo("Insufficient client scope");
        assertThat(http.get("/playlists/" + playlist + "/items", token).status())
                .isEqualTo(200);
    }

    @Test
    void localhostRedirectIsRejectedAsInsecure() {
        SimHttp.Answer answer = http.raw(
                "GET",
                "/authorize?client_id=" + CLIENT + "&response_type=code&redirect_uri="
                        + SimHttp.encode("http://localhost:8888/callback"),
                null);

        assertThat(answer.status()).isEqualTo(400);
        assertThat(answer.body()).isEqualTo("INVALID_CLIENT: Insecure redirect URI");
    }
}
