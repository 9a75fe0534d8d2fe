package io.github.wso2ports.distribution;

import io.github.wso2ports.FileStamp;

import java.util.List;

/** A folder source that notes every fact it answers in an {@link InputRecord}. */
public final class RecordingSource extends ForwardingSource {

    private final InputRecord record;

    public RecordingSource(DistributionSource source, InputRecord record) {
        super(source);
        this.record = record;
    }

    @Override
    public boolean isFile(String relativePath) {
        return noted(InputRecord.Kind.FILE, relativePath, source.isFile(relativePath));
    }

    @Override
    public boolean isDirectory(String relativePath) {
        return noted(InputRecord.Kind.DIRECTORY, relativePath, source.isDirectory(relativePath));
    }

    @Override
    public boolean exists(String relativePath) {
        return noted(InputRecord.Kind.EXISTS, relativePath, source.exists(relativePath));
    }

    @Override
    public List<String> list(String relativeFolder) {
        List<String> answer = source.list(relativeFolder);
        record.add(InputRecord.Kind.LIST, source.path(relativeFolder), String.join("/", answer));
        return answer;
    }

    @Override
    public byte[] read(String relativePath) {
        String stamp = FileStamp.of(source.path(relativePath));
        byte[] bytes = null;
        try {
            bytes = source.read(relativePath);
            return bytes;
        } finally {
            record.addContent(source.path(relativePath), stamp, bytes);
        }
    }

    private boolean noted(InputRecord.Kind kind, String relativePath, boolean answer) {
        record.add(kind, source.path(relativePath), String.valueOf(answer));
        return answer;
    }
}
