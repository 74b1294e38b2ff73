package io.musicsync.ai;

import java.util.OptionalInt;
import java.util.function.Function;

/**
 * What the shared call rules need to know about a provider.
 *
 * @param provider the {@code AI_PROVIDER} value recorded in every answer
 * @param displayName the API's name as error messages start with it, e.g. "The Anthropic API"
 * @param keyVariable the environment variable holding its API key, named in messages (never the key itself)
 * @param httpStatus the HTTP status carried by one of the SDK's exceptions, if that exception carries one
 */
record ProviderInfo(
        String provider,
        String displayName,
        String model,
        String keyVariable,
        Function<Throwable, OptionalInt> httpStatus) {}
