package eu.herald.common;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.Set;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;
import org.apache.tika.Tika;
import org.jspecify.annotations.Nullable;

/**
 * Accepts an uploaded PNG or JPEG image. The type is detected from the bytes (Apache Tika's magic numbers), never
 * from the name or the declared type, so a file renamed to {@code .png} is refused. The image is decoded and encoded
 * again with ImageIO, which keeps only the pixels: no EXIF (a photo's GPS position, the camera's owner), no comments,
 * nothing appended after the image.
 */
public final class ImageFiles {

    /** The types accepted. */
    public static final Set<String> TYPES = Set.of("image/png", "image/jpeg");

    /** Decompression bombs: more pixels than this are refused before decoding. */
    static final long MAX_PIXELS = 40_000_000L;

    private static final Tika TIKA = new Tika();

    private ImageFiles() {}

    /** An accepted image: its cleaned name, detected type, re-encoded bytes, size in pixels and SHA-256 (hex). */
    public record Image(String fileName, String contentType, byte[] content, int width, int height, String sha256) {}

    /**
     * Inspects an upload; throws {@link RefusedException} with {@code image.empty}, {@code image.tooLarge},
     * {@code image.unsupported}, {@code image.tooManyPixels} or {@code image.damaged}.
     */
    public static Image inspect(@Nullable String fileName, byte[] bytes, long maxBytes) {
        String name = safeName(fileName);
        if (bytes.length == 0) {
            throw new RefusedException("image.empty", name);
        }
        if (bytes.length > maxBytes) {
            throw new RefusedException("image.tooLarge", name, Math.max(1, maxBytes / (1024 * 1024)));
        }
        String detected = TIKA.detect(bytes);
        if (!TYPES.contains(detected)) {
            throw new RefusedException("image.unsupported", name);
        }
        String format = detected.equals("image/png") ? "png" : "jpeg";
        try (ImageInputStream in = ImageIO.createImageInputStream(new ByteArrayInputStream(bytes))) {
            Iterator<ImageReader> readers = in == null ? null : ImageIO.getImageReaders(in);
            if (readers == null || !readers.hasNext()) {
                throw new RefusedException("image.damaged", name);
            }
            ImageReader reader = readers.next();
            try {
                reader.setInput(in, true, true);
                long pixels = (long) reader.getWidth(0) * reader.getHeight(0);
                if (pixels > MAX_PIXELS) {
                    throw new RefusedException("image.tooManyPixels", name);
                }
                BufferedImage image = reader.read(0);
                if (format.equals("jpeg") && image.getColorModel().hasAlpha()) {
                    image = withoutAlpha(image);
                }
                ByteArrayOutputStream out = new ByteArrayOutputStream(bytes.length);
                if (!ImageIO.write(image, format, out) || out.size() == 0) {
                    throw new RefusedException("image.damaged", name);
                }
                byte[] clean = out.toByteArray();
                if (clean.length > maxBytes) {
                    throw new RefusedException("image.tooLarge", name, Math.max(1, maxBytes / (1024 * 1024)));
                }
                return new Image(name, detected, clean, image.getWidth(), image.getHeight(), sha256(clean));
            } finally {
                reader.dispose();
            }
        } catch (IOException | RuntimeException e) {
            if (e instanceof RefusedException refused) {
                throw refused;
            }
            throw new RefusedException("image.damaged", name);
        }
    }

    /** The SHA-256 of the bytes, in lower-case hex. */
    public static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }

    /** The image on white, without its alpha channel (JPEG has none). */
    public static BufferedImage withoutAlpha(BufferedImage image) {
        BufferedImage rgb = new BufferedImage(image.getWidth(), image.getHeight(), BufferedImage.TYPE_INT_RGB);
        var graphics = rgb.createGraphics();
        try {
            graphics.drawImage(image, 0, 0, java.awt.Color.WHITE, null);
        } finally {
            graphics.dispose();
        }
        return rgb;
    }

    /** The last path segment, without control characters, at most 200 characters. */
    static String safeName(@Nullable String fileName) {
        return safeName(fileName, "image");
    }

    /**
     * An uploaded file's name fit to store and show: its last path segment, without control characters, quotes or angle
     * brackets, at most 200 characters; {@code fallback} when nothing is left.
     */
    public static String safeName(@Nullable String fileName, String fallback) {
        String name = fileName == null ? "" : fileName;
        name = name.substring(Math.max(name.lastIndexOf('/'), name.lastIndexOf('\\')) + 1);
        name = name.replaceAll("[\\p{Cntrl}\"<>]", "").strip();
        if (name.length() > 200) {
            name = name.substring(name.length() - 200);
        }
        return name.isEmpty() ? fallback : name;
    }
}
