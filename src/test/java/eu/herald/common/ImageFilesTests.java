package eu.herald.common;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.awt.Color;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;

class ImageFilesTests {

    @Test
    void aJpegLosesItsCommentsAndMetadataAndKeepsItsPixels() throws Exception {
        byte[] jpeg = encoded(new BufferedImage(30, 20, BufferedImage.TYPE_INT_RGB), "jpeg");
        byte[] secret = "GPS 50.8333 N 4.3667 E, camera of J. Peeters".getBytes(StandardCharsets.US_ASCII);
        // a COM segment right after SOI, as cameras and editors write metadata
        byte[] tagged = new byte[jpeg.length + 4 + secret.length];
        tagged[0] = (byte) 0xFF;
        tagged[1] = (byte) 0xD8;
        tagged[2] = (byte) 0xFF;
        tagged[3] = (byte) 0xFE;
        tagged[4] = (byte) ((secret.length + 2) >> 8);
        tagged[5] = (byte) (secret.length + 2);
        System.arraycopy(secret, 0, tagged, 6, secret.length);
        System.arraycopy(jpeg, 2, tagged, 6 + secret.length, jpeg.length - 2);
        assertThat(new String(tagged, StandardCharsets.ISO_8859_1)).contains("J. Peeters");

        ImageFiles.Image image = ImageFiles.inspect("C:\\photos\\street.jpg", tagged, 1_000_000);

        assertThat(image.contentType()).isEqualTo("image/jpeg");
        assertThat(image.fileName()).isEqualTo("street.jpg");
        assertThat(image.width()).isEqualTo(30);
        assertThat(image.height()).isEqualTo(20);
        assertThat(new String(image.content(), StandardCharsets.ISO_8859_1)).doesNotContain("Peeters");
        assertThat(image.sha256()).hasSize(64).isEqualTo(ImageFiles.sha256(image.content()));
    }

    @Test
    void whatFollowsTheEndOfAPngIsDropped() throws Exception {
        BufferedImage red = new BufferedImage(8, 8, BufferedImage.TYPE_INT_RGB);
        red.setRGB(0, 0, Color.RED.getRGB());
        byte[] png = encoded(red, "png");
        byte[] script = "<script>alert(1)</script>".getBytes(StandardCharsets.US_ASCII);
        byte[] polyglot = Arrays.copyOf(png, png.length + script.length);
        System.arraycopy(script, 0, polyglot, png.length, script.length);

        ImageFiles.Image image = ImageFiles.inspect("red.png", polyglot, 1_000_000);

        assertThat(image.contentType()).isEqualTo("image/png");
        assertThat(new String(image.content(), StandardCharsets.ISO_8859_1)).doesNotContain("<script>");
        assertThat(ImageIO.read(new java.io.ByteArrayInputStream(image.content()))
                        .getRGB(0, 0))
                .isEqualTo(Color.RED.getRGB());
    }

    @Test
    void refusesWhatIsNotAPngOrJpegWhateverItsName() throws Exception {
        byte[] gif = encoded(new BufferedImage(4, 4, BufferedImage.TYPE_INT_RGB), "gif");
        assertThatThrownBy(() -> ImageFiles.inspect("logo.png", gif, 1_000_000))
                .isInstanceOfSatisfying(RefusedException.class, e -> {
                    assertThat(e.messageKey()).isEqualTo("image.unsupported");
                    assertThat(e.arguments()).containsExactly("logo.png");
                });
        assertThatThrownBy(() -> ImageFiles.inspect("x.jpg", "%PDF-1.7".getBytes(StandardCharsets.US_ASCII), 100))
                .hasFieldOrPropertyWithValue("messageKey", "image.unsupported");
        assertThatThrownBy(() -> ImageFiles.inspect("x.png", new byte[0], 100))
                .hasFieldOrPropertyWithValue("messageKey", "image.empty");
    }

    @Test
    void refusesADamagedImageATooLargeFileAndTooManyPixels() throws Exception {
        byte[] png = encoded(new BufferedImage(10, 10, BufferedImage.TYPE_INT_RGB), "png");
        byte[] truncated = Arrays.copyOf(png, 40);
        assertThatThrownBy(() -> ImageFiles.inspect("cut.png", truncated, 1_000_000))
                .hasFieldOrPropertyWithValue("messageKey", "image.damaged");

        assertThatThrownBy(() -> ImageFiles.inspect("big.png", png, png.length - 1))
                .isInstanceOfSatisfying(RefusedException.class, e -> {
                    assertThat(e.messageKey()).isEqualTo("image.tooLarge");
                    assertThat(e.arguments()).containsExactly("big.png", 1L);
                });

        // 8000 × 6000 = 48 megapixels in a few kilobytes: refused from the header, before decoding
        byte[] bomb = encoded(new BufferedImage(8000, 6000, BufferedImage.TYPE_BYTE_BINARY), "png");
        assertThat(bomb.length).isLessThan(1_000_000);
        assertThatThrownBy(() -> ImageFiles.inspect("bomb.png", bomb, 1_000_000))
                .hasFieldOrPropertyWithValue("messageKey", "image.tooManyPixels");
    }

    private static byte[] encoded(BufferedImage image, String format) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(image, format, out);
        return out.toByteArray();
    }
}
