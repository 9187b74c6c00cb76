package eu.herald.partners.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import eu.herald.common.RefusedException;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.springframework.util.unit.DataSize;

/** Upload attacks: the type comes from the content, images lose everything but their pixels, PDFs stay passive. */
class UploadInspectorTests {

    final UploadInspector inspector = new UploadInspector(new PartnersProperties(DataSize.ofMegabytes(1)));

    static final byte[] PDF = "%PDF-1.4\n1 0 obj\n<< /Type /Catalog >>\nendobj\ntrailer\n<< /Root 1 0 R >>\n%%EOF\n"
            .getBytes(StandardCharsets.ISO_8859_1);

    @Test
    void acceptsAPlainPdfAsItIs() {
        InspectedFile file = inspector.inspect(new Upload("guide.pdf", "application/pdf", PDF));
        assertThat(file.mediaType()).isEqualTo("application/pdf");
        assertThat(file.content()).isEqualTo(PDF);
    }

    @Test
    void refusesAPngRenamedToPdf() throws IOException {
        assertThatThrownBy(() -> inspector.inspect(new Upload("guide.pdf", "application/pdf", png())))
                .isInstanceOfSatisfying(RefusedException.class, e -> {
                    assertThat(e.messageKey()).isEqualTo("partners.upload.mismatch");
                    assertThat(e.arguments()).containsExactly("guide.pdf", "image/png");
                });
    }

    @Test
    void refusesHtmlWithScriptNamedPng() {
        byte[] html = "<!DOCTYPE html><html><body><script>alert(document.cookie)</script></body></html>"
                .getBytes(StandardCharsets.UTF_8);
        assertThatThrownBy(() -> inspector.inspect(new Upload("logo.png", "image/png", html)))
                .isInstanceOfSatisfying(
                        RefusedException.class,
                        e -> assertThat(e.messageKey()).isEqualTo("partners.upload.unsupported"));
    }

    @Test
    void refusesAPngDeclaredAsSomethingElse() throws IOException {
        assertThatThrownBy(() -> inspector.inspect(new Upload("logo.png", "text/html", png())))
                .isInstanceOfSatisfying(
                        RefusedException.class, e -> assertThat(e.messageKey()).isEqualTo("partners.upload.mismatch"));
    }

    @Test
    void refusesAnEmptyFile() {
        assertThatThrownBy(() -> inspector.inspect(new Upload("empty.pdf", "application/pdf", new byte[0])))
                .isInstanceOfSatisfying(
                        RefusedException.class, e -> assertThat(e.messageKey()).isEqualTo("partners.upload.empty"));
    }

    @Test
    void refusesAFileOverTheLimit() {
        byte[] big = Arrays.copyOf(PDF, (int) DataSize.ofMegabytes(1).toBytes() + 1);
        assertThatThrownBy(() -> inspector.inspect(new Upload("big.pdf", "application/pdf", big)))
                .isInstanceOfSatisfying(RefusedException.class, e -> {
                    assertThat(e.messageKey()).isEqualTo("partners.upload.tooLarge");
                    assertThat(e.arguments()).containsExactly("big.pdf", 1L);
                });
    }

    @Test
    void aPngWithAScriptAppendedComesOutAsPixelsOnly() throws IOException {
        byte[] polyglot = concat(png(), "<html><script>alert(1)</script></html>".getBytes(StandardCharsets.UTF_8));
        InspectedFile file = inspector.inspect(new Upload("poster.png", "image/png", polyglot));
        assertThat(file.mediaType()).isEqualTo("image/png");
        assertThat(new String(file.content(), StandardCharsets.ISO_8859_1)).doesNotContain("script");
        BufferedImage decoded = ImageIO.read(new ByteArrayInputStream(file.content()));
        assertThat(decoded.getWidth()).isEqualTo(8);
    }

    @Test
    void aJpegLosesItsExifMetadata() throws IOException {
        byte[] jpeg = image("jpeg");
        byte[] exif = concat(
                new byte[] {(byte) 0xFF, (byte) 0xE1, 0, 22},
                "Exif\0\0GPS 50.8503N 4.3517E".getBytes(StandardCharsets.ISO_8859_1));
        byte[] withExif = concat(concat(Arrays.copyOf(jpeg, 2), exif), Arrays.copyOfRange(jpeg, 2, jpeg.length));
        assertThat(new String(withExif, StandardCharsets.ISO_8859_1)).contains("GPS 50.8503N");
        InspectedFile file = inspector.inspect(new Upload("photo.JPG", "image/jpeg", withExif));
        assertThat(file.mediaType()).isEqualTo("image/jpeg");
        assertThat(new String(file.content(), StandardCharsets.ISO_8859_1))
                .doesNotContain("Exif")
                .doesNotContain("GPS");
    }

    @Test
    void refusesAPdfWithJavaScriptOrAnHtmlPolyglot() {
        byte[] script = "%PDF-1.4\n1 0 obj\n<< /OpenAction << /S /JavaScript /JS (app.alert(1)) >> >>\nendobj\n%%EOF"
                .getBytes(StandardCharsets.ISO_8859_1);
        assertThatThrownBy(() -> inspector.inspect(new Upload("form.pdf", null, script)))
                .isInstanceOfSatisfying(
                        RefusedException.class,
                        e -> assertThat(e.messageKey()).isEqualTo("partners.upload.activeContent"));
        byte[] polyglot =
                "%PDF-1.4\n<html><script>fetch('/api')</script></html>\n%%EOF".getBytes(StandardCharsets.ISO_8859_1);
        assertThatThrownBy(() -> inspector.inspect(new Upload("both.pdf", null, polyglot)))
                .isInstanceOfSatisfying(
                        RefusedException.class,
                        e -> assertThat(e.messageKey()).isEqualTo("partners.upload.activeContent"));
    }

    @Test
    void refusesATruncatedImage() throws IOException {
        byte[] png = png();
        byte[] truncated = Arrays.copyOf(png, 40);
        assertThatThrownBy(() -> inspector.inspect(new Upload("cut.png", "image/png", truncated)))
                .isInstanceOfSatisfying(
                        RefusedException.class, e -> assertThat(e.messageKey()).isEqualTo("partners.upload.damaged"));
    }

    @Test
    void keepsOnlyTheLastSegmentOfAPathLikeName() {
        assertThat(UploadInspector.safeName("..\\..\\etc/passwd.pdf")).isEqualTo("passwd.pdf");
        assertThat(UploadInspector.safeName("")).isEqualTo("file");
    }

    static byte[] png() throws IOException {
        return image("png");
    }

    static byte[] image(String format) throws IOException {
        BufferedImage image = new BufferedImage(8, 6, BufferedImage.TYPE_INT_RGB);
        image.setRGB(1, 1, 0x336699);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(image, format, out);
        return out.toByteArray();
    }

    static byte[] concat(byte[] a, byte[] b) {
        byte[] all = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, all, a.length, b.length);
        return all;
    }
}
