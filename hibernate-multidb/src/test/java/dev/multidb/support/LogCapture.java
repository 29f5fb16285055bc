package dev.multidb.support;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

/** What the library logs (SLF4J's simple logger writes to standard error) while some work runs. */
public final class LogCapture {

    /** Work that may throw. */
    public interface Work {
        void run() throws Exception;
    }

    private LogCapture() {
    }

    public static String during(Work work) throws Exception {
        PrintStream original = System.err;
        ByteArrayOutputStream log = new ByteArrayOutputStream();
        System.setErr(new PrintStream(log, true, StandardCharsets.UTF_8));
        try {
            work.run();
        } finally {
            System.setErr(original);
        }
        String captured = log.toString(StandardCharsets.UTF_8);
        original.print(captured);
        return captured;
    }
}
