package cn.yibao.portal.qrcode.web;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;

/**
 * The QR images most recently drawn, by token and format: an image is a pure function of its token, a code is shown
 * several times while it is valid (the page, a refresh, a counter's scanner), and drawing one (ZXing tries all eight
 * masks) costs far more than serving it. Least recently used first out; each node keeps its own, nothing to share.
 */
final class RenderedImages {

    private final Map<String, byte[]> images;

    RenderedImages(int capacity) {
        this.images = new LinkedHashMap<>(capacity * 4 / 3 + 1, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, byte[]> eldest) {
                return size() > capacity;
            }
        };
    }

    /** The cached image, or {@code null}. */
    synchronized byte[] find(String token, String format) {
        return images.get(format + ":" + token);
    }

    byte[] render(String token, String format, Supplier<byte[]> draw) {
        byte[] drawn = draw.get();
        synchronized (this) {
            images.put(format + ":" + token, drawn);
        }
        return drawn;
    }
}
