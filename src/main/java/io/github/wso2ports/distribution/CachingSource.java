package io.github.wso2ports.distribution;

import io.github.wso2ports.FileStamp;
import io.github.wso2ports.Location;

import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.BiFunction;

/**
 * A source that reads and parses each file once and remembers its stamp from just before that read: check reads each
 * file one time however many readers need it, and apply checks the ports, plans the edit and later makes sure the file
 * is unchanged from one read of it.
 */
public final class CachingSource extends ForwardingSource {

    private record Read(byte[] bytes, String stamp) {
    }

    private final Map<String, Read> reads = new ConcurrentHashMap<>();
    private final Map<String, Object> parsed = new ConcurrentHashMap<>();

    public CachingSource(DistributionSource source) {
        super(source);
    }

    /** The distribution, reading through a cache. */
    public static Distribution of(Distribution d) {
        return d.source() instanceof CachingSource ? d
                : new Distribution(new CachingSource(d.source()), d.layout(), d.runtimes());
    }

    /** The stamp the file had just before it was read, or null when it was not read or is not on disk. */
    public String stamp(String relativePath) {
        Read r = reads.get(relativePath);
        return r == null ? null : r.stamp();
    }

    @Override
    public byte[] read(String relativePath) {
        return reads.computeIfAbsent(relativePath, p -> {
            Path file = source.path(p);
            String stamp = file == null ? null : FileStamp.of(file);
            return new Read(source.read(p), stamp);
        }).bytes().clone();
    }

    @Override
    public <T> T parsed(String relativePath, Class<T> type, BiFunction<Location, byte[], T> parser) {
        String key = type.getName() + ' ' + relativePath;
        Object known = parsed.get(key);
        if (known == null) {
            // not computeIfAbsent: a parser may read other files through this source
            known = parser.apply(location(relativePath), read(relativePath));
            Object first = parsed.putIfAbsent(key, known);
            known = first == null ? known : first;
        }
        return type.cast(known);
    }
}
