package eu.herald.partners.domain;

import eu.herald.common.ImageFiles;
import eu.herald.common.RefusedException;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;
import org.apache.tika.Tika;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/**
 * Decides whether an uploaded file is what it claims to be. The type is detected from the bytes (Apache Tika's magic
 * numbers), never from the name; the name's extension and the declared type must agree with it. Images are decoded and
 * re-encoded with ImageIO, which keeps only the pixels (no EXIF, no comments, nothing appended); PDFs with active
 * content (JavaScript, launch actions, embedded files) or markup are refused.
 */
@Component
public class UploadInspector {

    /** Detected type → the extensions a file of that type may have. */
    static final Map<String, List<String>> ALLOWED = Map.of(
            "application/pdf", List.of("pdf"),
            "image/png", List.of("png"),
            "image/jpeg", List.of("jpg", "jpeg"),
            "image/gif", List.of("gif"));

    /** Decompression bombs: more pixels than this are refused before decoding. */
    static final long MAX_PIXELS = 40_000_000L;

    private static final List<String> ACTIVE_PDF_CONTENT =
            List.of("/javascript", "/js", "/launch", "/embeddedfile", "/richmedia", "/xfa", "<script", "<html");

    private final Tika tika = new Tika();
    private final PartnersProperties properties;

    UploadInspector(PartnersProperties properties) {
        this.properties = properties;
    }

    /** The largest file accepted, in megabytes, for forms and messages. */
    public long maxMegabytes() {
        return properties.maxUpload().toMegabytes();
    }

    public InspectedFile inspect(Upload upload) {
        byte[] bytes = upload.content();
        String name = safeName(upload.fileName());
        if (bytes.length == 0) {
            throw new RefusedException("partners.upload.empty", name);
        }
        if (bytes.length > properties.maxUpload().toBytes()) {
            throw new RefusedException("partners.upload.tooLarge", name, maxMegabytes());
        }
        String detected = tika.detect(bytes);
        List<String> extensions = ALLOWED.get(detected);
        if (extensions == null) {
            throw new RefusedException("partners.upload.unsupported", name, detected);
        }
        String extension = extension(name);
        if (!extensions.contains(extension)) {
            throw new RefusedException("partners.upload.mismatch", name, detected);
        }
        String declared = upload.declaredType();
        if (declared != null
                && !declared.isBlank()
                && !declared.equalsIgnoreCase("application/octet-stream")
                && !declared.toLowerCase(Locale.ROOT).startsWith(detected)) {
            throw new RefusedException("partners.upload.mismatch", name, detected);
        }
        if (detected.equals("application/pdf")) {
            return new InspectedFile(name, detected, checkedPdf(name, bytes));
        }
        return new InspectedFile(name, detected, reencoded(name, bytes, detected));
    }

    private static byte[] checkedPdf(String name, byte[] bytes) {
        String text = new String(bytes, StandardCharsets.ISO_8859_1).toLowerCase(Locale.ROOT);
        if (!text.startsWith("%pdf-") || !text.stripTrailing().endsWith("%%eof")) {
            throw new RefusedException("partners.upload.damaged", name);
        }
        for (String active : ACTIVE_PDF_CONTENT) {
            int at = text.indexOf(active);
            while (at >= 0) {
                int after = at + active.length();
                // "/JS" must be the whole name, not the start of "/JSomething"
                if (after >= text.length() || !Character.isLetterOrDigit(text.charAt(after))) {
                    throw new RefusedException("partners.upload.activeContent", name);
                }
                at = text.indexOf(active, after);
            }
        }
        return bytes;
    }

    private static byte[] reencoded(String name, byte[] bytes, String detected) {
        String format = detected.substring("image/".length());
        try (ImageInputStream in = ImageIO.createImageInputStream(new ByteArrayInputStream(bytes))) {
            Iterator<ImageReader> readers = ImageIO.getImageReaders(in);
            if (in == null || !readers.hasNext()) {
                throw new RefusedException("partners.upload.damaged", name);
            }
            ImageReader reader = readers.next();
            try {
                reader.setInput(in, true, true);
                long pixels = (long) reader.getWidth(0) * reader.getHeight(0);
                if (pixels > MAX_PIXELS) {
                    throw new RefusedException("partners.upload.tooManyPixels", name);
                }
                BufferedImage image = reader.read(0);
                if (format.equals("jpeg") && image.getColorModel().hasAlpha()) {
                    image = ImageFiles.withoutAlpha(image);
                }
                ByteArrayOutputStream out = new ByteArrayOutputStream(bytes.length);
                if (!ImageIO.write(image, format, out) || out.size() == 0) {
                    throw new RefusedException("partners.upload.damaged", name);
                }
                return out.toByteArray();
            } finally {
                reader.dispose();
            }
        } catch (IOException | RuntimeException e) {
            if (e instanceof RefusedException refused) {
                throw refused;
            }
            throw new RefusedException("partners.upload.damaged", name);
        }
    }

    /** The last path segment, without control characters, at most 200 characters. */
    static String safeName(@Nullable String fileName) {
        return ImageFiles.safeName(fileName, "file");
    }

    private static String extension(String name) {
        int dot = name.lastIndexOf('.');
        return dot < 0 ? "" : name.substring(dot + 1).toLowerCase(Locale.ROOT);
    }
}
