package io.github.wso2ports.testing;

import org.apache.maven.plugin.logging.Log;

import java.util.ArrayList;
import java.util.List;

/** A Maven log that keeps every line as {@code [LEVEL] message}, so tests can assert the exact output. */
public final class RecordingLog implements Log {

    private final List<String> lines = new ArrayList<>();
    private final List<Throwable> traces = new ArrayList<>();

    /** The throwables logged with a message (Maven prints their stack traces at the default log level). */
    public List<Throwable> traces() {
        return traces;
    }

    public List<String> lines() {
        return lines;
    }

    /** The lines with every run of blanks squeezed to one space (the console aligns findings in columns). */
    public List<String> squeezed() {
        return lines.stream().map(l -> l.replaceAll("\\s+", " ")).toList();
    }

    public String text() {
        return String.join("\n", lines);
    }

    private void add(String level, CharSequence content) {
        lines.add("[" + level + "] " + content);
    }

    @Override
    public boolean isDebugEnabled() {
        return true;
    }

    @Override
    public void debug(CharSequence content) {
        add("DEBUG", content);
    }

    @Override
    public void debug(CharSequence content, Throwable error) {
        traces.add(error);
        add("DEBUG", content);
    }

    @Override
    public void debug(Throwable error) {
        traces.add(error);
        add("DEBUG", String.valueOf(error));
    }

    @Override
    public boolean isInfoEnabled() {
        return true;
    }

    @Override
    public void info(CharSequence content) {
        add("INFO", content);
    }

    @Override
    public void info(CharSequence content, Throwable error) {
        traces.add(error);
        add("INFO", content);
    }

    @Override
    public void info(Throwable error) {
        traces.add(error);
        add("INFO", String.valueOf(error));
    }

    @Override
    public boolean isWarnEnabled() {
        return true;
    }

    @Override
    public void warn(CharSequence content) {
        add("WARNING", content);
    }

    @Override
    public void warn(CharSequence content, Throwable error) {
        traces.add(error);
        add("WARNING", content);
    }

    @Override
    public void warn(Throwable error) {
        traces.add(error);
        add("WARNING", String.valueOf(error));
    }

    @Override
    public boolean isErrorEnabled() {
        return true;
    }

    @Override
    public void error(CharSequence content) {
        add("ERROR", content);
    }

    @Override
    public void error(CharSequence content, Throwable error) {
        traces.add(error);
        add("ERROR", content);
    }

    @Override
    public void error(Throwable error) {
        traces.add(error);
        add("ERROR", String.valueOf(error));
    }
}
