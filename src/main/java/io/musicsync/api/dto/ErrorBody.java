package io.musicsync.api.dto;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.util.List;

/** Every error the API answers: {@code {error, message, detail?, timestamp}}; {@code detail} lists bad fields. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ErrorBody(String error, String message, List<FieldError> detail, Instant timestamp) {

    /** One invalid field of a request. */
    public record FieldError(String field, String message) {}
}
