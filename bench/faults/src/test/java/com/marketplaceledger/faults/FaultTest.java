package com.marketplaceledger.faults;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class FaultTest {

    @Test
    void aProcessThatEndedBeforeTheKillDoesNotStopTheRunWhileTheOthersAreKilled() throws Exception {
        Process ended = new ProcessBuilder("true").start();
        ended.waitFor(5, TimeUnit.SECONDS);
        Process running = new ProcessBuilder("sleep", "60").start();

        Fault.signal("KILL", List.of(running.pid(), ended.pid()));

        assertThat(running.waitFor(5, TimeUnit.SECONDS)).isTrue();
        assertThat(running.exitValue()).as("killed by SIGKILL").isEqualTo(128 + 9);
    }

    @Test
    void aSignalToAPartThatDoesNotRunIsAFailure() throws Exception {
        Process ended = new ProcessBuilder("true").start();
        ended.waitFor(5, TimeUnit.SECONDS);

        assertThatThrownBy(() -> Fault.signal("INT", List.of(ended.pid()))).isInstanceOf(IOException.class);
    }
}
