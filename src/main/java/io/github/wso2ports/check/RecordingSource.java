package io.github.wso2ports.check;

import io.github.wso2ports.FileStamp;
import io.github.wso2ports.Location;
import io.github.wso2ports.distribution.DistributionSource;

import java.nio.file.Path;
import java.util.List;

/** A folder source that notes every fact it answers in an {@link InputRecord}. */
final class RecordingSource implements DistributionSource {

    private final DistributionSource source;
    private final InputRecord record;

    RecordingSource(DistributionSource source, InputRecord record) {
        this.source = source;
        this.record = record;
    }

    @Override
    public String brokenLink(String relativePath) {
        return source.brokenLink(relativePath);
    }

    @Override
    public String name() {
        return source.name();
    }

    @Override
    public boolean isFile(String relativePath) {
        boolean answer = source.isFile(relativePath);
        record.add(InputRecord.Kind.FILE, source.path(relativePath), String.valueOf(answer));
        return answer;
    }

    @Override
    public boolean isDirectory(String relativePath) {
        boolean answer = source.isDirectory(relativePath);
        record.add(InputRecord.Kind.DIRECTORY, source.path(relativePath), String.valueOf(answer));
        return answer;
    }

    @Override
    public boolean exists(String relativePath) {
        boolean answer = source.exists(relativePath);
        record.add(InputRecord.Kind.EXISTS, source.path(relativePath), String.valueOf(answer));
        return answer;
    }

    @Override
    public List<String> list(String relativeFolder) {
        List<String> answer = source.list(relativeFolder);
        record.add(InputRecord.Kind.LIST, source.path(relativeFolder), String.join("/", answer));
        return answer;
    }

    @Override
    public byte[] read(String relativePath) {
        // stamped before the read: a change during it leaves a stamp that no longer matches, so the next build rereads
        String stamp = FileStamp.of(source.path(relativePath));
        byte[] bytes;
        try {
            bytes = source.read(relativePath);
        } catch (RuntimeException e) {
            record.add(InputRecord.Kind.CONTENT, source.path(relativePath), "unreadable:unreadable");
            throw e;
        }
        record.add(InputRecord.Kind.CONTENT, source.path(relativePath), stamp + ":" + InputRecord.hash(bytes));
        return bytes;
    }

    @Override
    public Location homeLocation() {
        return source.homeLocation();
    }

    @Override
    public Location location(String relativePath) {
        return source.location(relativePath);
    }

    @Override
    public Path path(String relativePath) {
        return source.path(relativePath);
    }
}
