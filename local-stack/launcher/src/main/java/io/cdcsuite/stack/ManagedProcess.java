package io.cdcsuite.stack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * One server process of the stack: started with its output in a log file and its PID in the stack's pid
 * folder (which the orphan watchdog and {@code StackMain down} read), stopped by PID together with its
 * descendants.
 */
public final class ManagedProcess {
    private final String name;
    private final ProcessHandle handle;
    private final Path logFile;
    private final Path pidFile;

    private ManagedProcess(String name, ProcessHandle handle, Path logFile, Path pidFile) {
        this.name = name;
        this.handle = handle;
        this.logFile = logFile;
        this.pidFile = pidFile;
    }

    public static ManagedProcess start(String name, List<String> command, Path workDir, Path logFile,
                                       Map<String, String> environment, Path pidDir) {
        try {
            Files.createDirectories(workDir);
            Files.createDirectories(logFile.getParent());
            ProcessBuilder builder = new ProcessBuilder(command)
                    .directory(workDir.toFile())
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(logFile.toFile()))
                    .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")));
            builder.environment().putAll(environment);
            Process process = builder.start();
            Path pidFile = pidDir.resolve(name + ".pid");
            Files.createDirectories(pidDir);
            Files.writeString(pidFile, Long.toString(process.pid()));
            return new ManagedProcess(name, process.toHandle(), logFile, pidFile);
        } catch (IOException e) {
            throw new StackException(name + " could not be launched (" + String.join(" ", command.subList(0, 1))
                    + "): " + e.getMessage(), e);
        }
    }

    /** Re-attaches to a process started by an earlier launcher (reuse mode), if it is still alive. */
    public static Optional<ManagedProcess> attach(String name, Path logFile, Path pidDir) {
        Path pidFile = pidDir.resolve(name + ".pid");
        try {
            if (!Files.exists(pidFile)) {
                return Optional.empty();
            }
            long pid = Long.parseLong(Files.readString(pidFile).trim());
            return ProcessHandle.of(pid).filter(ProcessHandle::isAlive)
                    .map(handle -> new ManagedProcess(name, handle, logFile, pidFile));
        } catch (IOException | NumberFormatException e) {
            return Optional.empty();
        }
    }

    /** Runs a short command to completion (e.g. initializing a data directory); fails with its output. */
    public static void runToCompletion(String name, List<String> command, Path workDir, Path logFile,
                                       Map<String, String> environment, Duration timeout) {
        try {
            Files.createDirectories(logFile.getParent());
            ProcessBuilder builder = new ProcessBuilder(command)
                    .directory(workDir.toFile())
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(logFile.toFile()));
            builder.environment().putAll(environment);
            Process process = builder.start();
            if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                process.destroyForcibly();
                throw new StackException(name + " did not finish within " + timeout + "; see " + logFile
                        + "\n" + tail(logFile, 30));
            }
            if (process.exitValue() != 0) {
                throw new StackException(name + " failed with exit code " + process.exitValue() + "; see "
                        + logFile + "\n" + tail(logFile, 30));
            }
        } catch (IOException e) {
            throw new StackException(name + " could not be launched: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new StackException(name + " was interrupted", e);
        }
    }

    public String name() {
        return name;
    }

    public long pid() {
        return handle.pid();
    }

    public boolean isAlive() {
        return handle.isAlive();
    }

    public Path logFile() {
        return logFile;
    }

    /** Asks the process (and its descendants) to stop, waits up to {@code grace}, then kills what is left. */
    public void stop(Duration grace) {
        List<ProcessHandle> tree = tree();
        tree.forEach(ProcessHandle::destroy);
        long deadline = System.nanoTime() + grace.toNanos();
        for (ProcessHandle process : tree) {
            long remaining = deadline - System.nanoTime();
            if (remaining > 0) {
                process.onExit().completeOnTimeout(process, remaining, TimeUnit.NANOSECONDS).join();
            }
        }
        tree.stream().filter(ProcessHandle::isAlive).forEach(ProcessHandle::destroyForcibly);
        tree.forEach(process -> process.onExit().completeOnTimeout(process, 10, TimeUnit.SECONDS).join());
        deletePidFile();
    }

    /** {@code kill -9}: the crash a fault-tolerance test wants, no shutdown hooks run in the process. */
    public void kill() {
        tree().forEach(ProcessHandle::destroyForcibly);
        handle.onExit().completeOnTimeout(handle, 10, TimeUnit.SECONDS).join();
        deletePidFile();
    }

    private List<ProcessHandle> tree() {
        List<ProcessHandle> tree = new ArrayList<>();
        tree.add(handle);
        handle.descendants().forEach(tree::add);
        return tree;
    }

    private void deletePidFile() {
        try {
            Files.deleteIfExists(pidFile);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public String logTail(int lines) {
        return tail(logFile, lines);
    }

    static String tail(Path file, int lines) {
        try {
            if (!Files.exists(file)) {
                return "(no log written)";
            }
            List<String> all = Files.readAllLines(file, StandardCharsets.UTF_8);
            return String.join("\n", all.subList(Math.max(0, all.size() - lines), all.size()));
        } catch (IOException | UncheckedIOException e) {
            return "(log unreadable: " + e.getMessage() + ")";
        }
    }

    @Override
    public String toString() {
        return name + " (pid " + pid() + ", log " + logFile + ")";
    }
}
