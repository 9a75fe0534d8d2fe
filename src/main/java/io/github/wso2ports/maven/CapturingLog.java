package io.github.wso2ports.maven;

import org.apache.maven.plugin.logging.Log;

import java.util.ArrayList;
import java.util.List;

/** Passes every line on, and keeps the info, warning and error lines so a later build can print them again. */
final class CapturingLog implements Log {

    private final Log log;
    private final List<String[]> lines = new ArrayList<>();

    CapturingLog(Log log) {
        this.log = log;
    }

    List<String[]> lines() {
        return lines;
    }

    /** Prints a kept line again at its level. */
    static void replay(Log log, String[] line) {
        switch (line[0]) {
            case "error" -> log.error(line[1]);
            case "warn" -> log.warn(line[1]);
            default -> log.info(line[1]);
        }
    }

    private void keep(String level, CharSequence content) {
        lines.add(new String[] {level, String.valueOf(content)});
    }

    @Override
    public boolean isDebugEnabled() {
        return log.isDebugEnabled();
    }

    @Override
    public void debug(CharSequence content) {
        log.debug(content);
    }

    @Override
    public void debug(CharSequence content, Throwable error) {
        log.debug(content, error);
    }

    @Override
    public void debug(Throwable error) {
        log.debug(error);
    }

    @Override
    public boolean isInfoEnabled() {
        return log.isInfoEnabled();
    }

    @Override
    public void info(CharSequence content) {
        keep("info", content);
        log.info(content);
    }

    @Override
    public void info(CharSequence content, Throwable error) {
        keep("info", content);
        log.info(content, error);
    }

    @Override
    public void info(Throwable error) {
        keep("info", String.valueOf(error));
        log.info(error);
    }

    @Override
    public boolean isWarnEnabled() {
        return log.isWarnEnabled();
    }

    @Override
    public void warn(CharSequence content) {
        keep("warn", content);
        log.warn(content);
    }

    @Override
    public void warn(CharSequence content, Throwable error) {
        keep("warn", content);
        log.warn(content, error);
    }

    @Override
    public void warn(Throwable error) {
        keep("warn", String.valueOf(error));
        log.warn(error);
    }

    @Override
    public boolean isErrorEnabled() {
        return log.isErrorEnabled();
    }

    @Override
    public void error(CharSequence content) {
        keep("error", content);
        log.error(content);
    }

    @Override
    public void error(CharSequence content, Throwable error) {
        keep("error", content);
        log.error(content, error);
    }

    @Override
    public void error(Throwable error) {
        keep("error", String.valueOf(error));
        log.error(error);
    }
}
