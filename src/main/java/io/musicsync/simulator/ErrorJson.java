package io.musicsync.simulator;

/** The Web API error body. */
record ErrorJson(Detail error) {

    record Detail(int status, String message) {}

    static ErrorJson of(int status, String message) {
        return new ErrorJson(new Detail(status, message));
    }
}
