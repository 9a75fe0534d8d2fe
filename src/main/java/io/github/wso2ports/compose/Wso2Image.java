package io.github.wso2ports.compose;

import io.github.wso2ports.ports.Catalog;
import io.github.wso2ports.ports.ImageEntry;
import io.github.wso2ports.ports.Product;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What a WSO2 image runs: the product, the runtime (null for the primary one) and the version its tag gives.
 *
 * @param version the tag's leading number ({@code 4.7.0.0}, {@code 6.2.0}); null when the tag gives none
 *                ({@code latest}), which the service's findings then say
 */
public record Wso2Image(ImageRef image, Product product, String runtime, String version) {

    private static final Pattern VERSION = Pattern.compile("v?(\\d+(?:\\.\\d+)*)");

    /** The product an image runs, when WSO2 publishes it; empty for any other image. */
    public static Optional<Wso2Image> of(ImageRef image, Catalog catalog) {
        Optional<ImageEntry> entry = catalog.image(image.repository());
        if (entry.isEmpty()) {
            return Optional.empty();
        }
        Product product = catalog.product(entry.get().product()).orElseThrow();
        String version = null;
        if (image.tag() != null) {
            Matcher m = VERSION.matcher(image.tag());
            if (m.lookingAt()) {
                version = m.group(1);
            }
        }
        return Optional.of(new Wso2Image(image, product, entry.get().runtime(), version));
    }
}
