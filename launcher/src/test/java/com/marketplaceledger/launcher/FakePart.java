package com.marketplaceledger.launcher;

import java.io.IOException;
import java.util.List;
import java.util.OptionalLong;

/** A part whose process the test kills, revives and makes ready at will; it records what was asked of it. */
final class FakePart implements Part {

    private final String name;
    private final List<String> calls;
    boolean alive;
    boolean ready;
    boolean runsAlready;
    boolean refusesToStart;
    boolean readyOnStart;
    int starts;
    private long pid = 1000;

    FakePart(String name, List<String> calls) {
        this.name = name;
        this.calls = calls;
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public boolean adopt() {
        alive = runsAlready;
        return runsAlready;
    }

    @Override
    public void start() throws IOException {
        calls.add("start " + name);
        if (refusesToStart) {
            throw new IOException("port taken");
        }
        starts++;
        pid++;
        alive = true;
        ready = readyOnStart;
    }

    @Override
    public boolean alive() {
        return alive;
    }

    @Override
    public boolean ready() {
        calls.add("ready? " + name);
        return alive && ready;
    }

    @Override
    public OptionalLong pid() {
        return alive ? OptionalLong.of(pid) : OptionalLong.empty();
    }

    @Override
    public String exitReason() {
        return "killed by signal 9 (SIGKILL)";
    }

    @Override
    public String progress() {
        return alive && !ready ? "redo in progress" : "";
    }

    @Override
    public void stop() {
        calls.add("stop " + name);
        alive = false;
    }

    void kill() {
        alive = false;
        ready = false;
    }
}
