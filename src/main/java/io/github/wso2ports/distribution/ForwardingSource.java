package io.github.wso2ports.distribution;

import io.github.wso2ports.Location;

import java.nio.file.Path;
import java.util.List;

/**
 * A source that passes every question to another one; {@link CachingSource} and {@link RecordingSource} override what
 * they keep or note. {@link #parsed} is deliberately not forwarded: it must read through this source's own
 * {@link #read}, or a recording source would miss the files parsed behind it.
 */
abstract class ForwardingSource implements DistributionSource {

    protected final DistributionSource source;

    protected ForwardingSource(DistributionSource source) {
        this.source = source;
    }

    @Override
    public String name() {
        return source.name();
    }

    @Override
    public boolean isFile(String relativePath) {
        return source.isFile(relativePath);
    }

    @Override
    public boolean isDirectory(String relativePath) {
        return source.isDirectory(relativePath);
    }

    @Override
    public boolean exists(String relativePath) {
        return source.exists(relativePath);
    }

    @Override
    public String brokenLink(String relativePath) {
        return source.brokenLink(relativePath);
    }

    @Override
    public List<String> list(String relativeFolder) {
        return source.list(relativeFolder);
    }

    @Override
    public byte[] read(String relativePath) {
        return source.read(relativePath);
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
