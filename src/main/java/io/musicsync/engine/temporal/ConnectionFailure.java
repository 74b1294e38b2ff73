package io.musicsync.engine.temporal;

/**
 * Why a call to Temporal failed, as far as an operator can act on it (see {@link TemporalErrors#classify}).
 * A worker keeps waiting only while the failure may pass by itself; a wrong setting will not fix itself.
 */
enum ConnectionFailure {
    /** The frontend did not answer (down, wrong host, network). */
    UNREACHABLE(true),
    /** The server is up but throttling us (RESOURCE_EXHAUSTED). */
    OVERLOADED(true),
    /** The server refused our credentials (UNAUTHENTICATED, PERMISSION_DENIED). */
    NOT_AUTHORISED(false),
    /** The configured namespace does not exist on the server. */
    NAMESPACE_NOT_FOUND(false);

    private final boolean mayPass;

    ConnectionFailure(boolean mayPass) {
        this.mayPass = mayPass;
    }

    /** True when waiting and trying again can help. */
    boolean mayPass() {
        return mayPass;
    }
}
