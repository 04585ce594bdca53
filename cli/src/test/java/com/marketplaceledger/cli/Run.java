package com.marketplaceledger.cli;

import java.io.PrintWriter;
import java.io.StringWriter;

/** The auditor command line run in-process, its exit code and both outputs captured. */
record Run(int exitCode, String out, String err) {

    static Run of(String... args) {
        var out = new StringWriter();
        var err = new StringWriter();
        int exitCode = Auditor.commandLine().setOut(new PrintWriter(out)).setErr(new PrintWriter(err)).execute(args);
        return new Run(exitCode, out.toString(), err.toString());
    }
}
