package io.musicsync.domain;

/** The login to the music service has expired: the user must log in again. */
public class LoginExpiredException extends InvalidCredentialsException {

    public LoginExpiredException(String message) {
        super(message);
    }

    public LoginExpiredException(String message, Throwable cause) {
        super(message, cause);
    }
}
