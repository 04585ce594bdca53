package com.marketplaceledger.launcher;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.assertj.core.api.Assertions.assertThat;

class SupervisorTest {

    @TempDir
    Path run;

    private final List<String> calls = new CopyOnWriteArrayList<>();
    private final List<String> log = new ArrayList<>();
    private final TestClock clock = new TestClock();
    private FakePart database;
    private FakePart commandSide;
    private FakePart querySide;
    private Supervisor supervisor;

    @BeforeEach
    void ledger() {
        database = new FakePart("database", calls);
        commandSide = new FakePart("command-side", calls);
        querySide = new FakePart("query-side", calls);
        supervisor = new Supervisor(Backoff.DEFAULT, clock, log::add, run.resolve("supervisor.json"), run.resolve("wake"))
                .supervise(database, null).supervise(commandSide, database).supervise(querySide, database);
    }

    @Test
    void theServicesStartOnlyOnceTheDatabaseAcceptsConnections() {
        supervisor.adoptRunning();
        supervisor.tick();
        assertThat(calls).containsExactly("start database", "ready? database");
        assertThat(state("command-side")).isEqualTo("WAITING");

        database.ready = true;
        supervisor.tick();
        supervisor.tick();

        assertThat(calls).contains("start command-side", "start query-side");
        assertThat(commandSide.starts).isEqualTo(1);
        assertThat(querySide.starts).isEqualTo(1);
    }

    @Test
    void aPartThatStopsIsStartedAgainAfterASecondAndTheRestartIsLoggedAndCounted() {
        allRunning();
        commandSide.kill();

        supervisor.tick();
        assertThat(state("command-side")).isEqualTo("RESTARTING");
        clock.advance(Duration.ofMillis(900));
        supervisor.tick();
        assertThat(commandSide.starts).isEqualTo(1);
        clock.advance(Duration.ofMillis(100));
        supervisor.tick();

        assertThat(commandSide.starts).isEqualTo(2);
        PartStatus status = supervisor.status().get(1);
        assertThat(status.restarts()).isEqualTo(1);
        assertThat(status.lastExit()).isEqualTo("killed by signal 9 (SIGKILL)");
        assertThat(log).anyMatch(line -> line.equals("command-side stopped (killed by signal 9 (SIGKILL)); starting it again in 1.0 s"))
                .anyMatch(line -> line.startsWith("started command-side again (restart 1)"));
    }

    @Test
    void aPartThatKeepsStoppingBeforeItIsReadyWaitsTwiceAsLongEachTime() {
        allRunning();
        querySide.readyOnStart = false;
        for (int failure = 1; failure <= 3; failure++) {
            querySide.kill();
            supervisor.tick();
            clock.advance(Backoff.DEFAULT.delay(failure).minusMillis(1));
            supervisor.tick();
            assertThat(querySide.starts).as("before the %d. delay is over", failure).isEqualTo(failure);
            clock.advance(Duration.ofMillis(1));
            supervisor.tick();
            assertThat(querySide.starts).as("once the %d. delay is over", failure).isEqualTo(failure + 1);
        }
        assertThat(supervisor.status().get(2).restarts()).isEqualTo(3);
    }

    @Test
    void aPartThatWasReadyIsStartedAgainAfterASecondHoweverOftenItWasKilledBefore() {
        allRunning();
        for (int kill = 1; kill <= 5; kill++) {
            querySide.kill();
            supervisor.tick();
            clock.advance(Duration.ofSeconds(1));
            supervisor.tick();
            assertThat(querySide.starts).as("a second after kill %d", kill).isEqualTo(kill + 1);
            assertThat(state("query-side")).isEqualTo("RUNNING");
        }
    }

    @Test
    void partsThatAlreadyRunAreTakenOverNotStartedTwice() {
        database.runsAlready = true;
        database.ready = true;
        commandSide.runsAlready = true;
        commandSide.ready = true;

        supervisor.adoptRunning();
        supervisor.tick();
        supervisor.tick();

        assertThat(database.starts).isZero();
        assertThat(commandSide.starts).isZero();
        assertThat(querySide.starts).isEqualTo(1);
        assertThat(log).contains("database already runs (pid 1000): taken over, not started again");
    }

    @Test
    void aTakenOverPartThatStopsIsStartedAgainAndCountsAsARestart() {
        database.runsAlready = true;
        database.ready = true;
        supervisor.adoptRunning();
        supervisor.tick();
        database.kill();

        supervisor.tick();
        clock.advance(Duration.ofSeconds(1));
        supervisor.tick();

        assertThat(database.starts).isEqualTo(1);
        assertThat(supervisor.status().get(0).restarts()).isEqualTo(1);
    }

    @Test
    void aDeadDatabaseIsStartedAgainBeforeAnyPartIsAskedWhetherItIsReady() {
        allRunning();
        database.kill();
        supervisor.tick();
        clock.advance(Duration.ofSeconds(1));
        calls.clear();

        supervisor.tick();

        // a service slow to answer while its database is down must not hold up the database's restart
        assertThat(calls.get(0)).isEqualTo("start database");
        assertThat(calls).contains("ready? command-side", "ready? query-side");
    }

    @Test
    void aStartThatFailsIsTriedAgainAfterTheBackoff() {
        database.refusesToStart = true;
        supervisor.tick();
        assertThat(supervisor.status().get(0).lastExit()).isEqualTo("could not start: port taken");
        assertThat(state("database")).isEqualTo("RESTARTING");

        database.refusesToStart = false;
        clock.advance(Duration.ofSeconds(1));
        supervisor.tick();

        assertThat(database.starts).isEqualTo(1);
        assertThat(supervisor.status().get(0).restarts()).isZero();
    }

    @Test
    void upAsksForEveryStoppedPartToBeTriedAgainAtOnce() throws IOException {
        allRunning();
        for (int i = 0; i < 4; i++) {
            commandSide.kill();
            supervisor.tick();
            clock.advance(Backoff.DEFAULT.delay(i + 1));
            supervisor.tick();
        }
        commandSide.kill();
        supervisor.tick();
        assertThat(commandSide.starts).isEqualTo(5);

        Files.writeString(run.resolve("wake"), "now");
        supervisor.tick();

        assertThat(commandSide.starts).isEqualTo(6);
        assertThat(run.resolve("wake")).doesNotExist();
    }

    @Test
    void stoppingStopsTheServicesBeforeTheDatabaseAndStartsNothingMore() {
        allRunning();
        calls.clear();

        supervisor.stopAll();
        supervisor.tick();

        assertThat(calls).filteredOn(call -> !call.startsWith("ready?"))
                .containsExactly("stop query-side", "stop command-side", "stop database");
        assertThat(supervisor.status()).allSatisfy(part -> assertThat(part.state()).isEqualTo("STOPPED"));
    }

    @Test
    void theStatusFileShowsWhatTheDatabaseIsDoingWhileItRecovers() {
        supervisor.tick();

        SupervisorStatus written = SupervisorStatus.read(run.resolve("supervisor.json")).orElseThrow();

        PartStatus status = written.part("database").orElseThrow();
        assertThat(status.state()).isEqualTo("STARTING");
        assertThat(status.progress()).isEqualTo("redo in progress");
        assertThat(written.part("command-side").orElseThrow().state()).isEqualTo("WAITING");
    }

    private void allRunning() {
        database.readyOnStart = true;
        commandSide.readyOnStart = true;
        querySide.readyOnStart = true;
        supervisor.tick();
        supervisor.tick();
        supervisor.tick();
        assertThat(supervisor.status()).allSatisfy(part -> assertThat(part.state()).isEqualTo("RUNNING"));
    }

    private String state(String part) {
        return supervisor.status().stream().filter(p -> p.name().equals(part)).findFirst().orElseThrow().state();
    }
}
