package io.musicsync.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class LoopbackCheckTest {

    @ParameterizedTest
    @ValueSource(strings = {"127.0.0.1", "127.1.2.3", "::1", "0:0:0:0:0:0:0:1", "[::1]"})
    void loopbackAddressesAreLocal(String address) {
        assertThat(LoopbackCheck.isLoopback(address)).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"10.0.0.5", "192.168.1.20", "2001:db8::1", "localhost", "example.org", ""})
    void otherAddressesAndNamesAreNot(String address) {
        assertThat(LoopbackCheck.isLoopback(address)).isFalse();
    }
}
