package eu.herald.links.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.zxing.BinaryBitmap;
import com.google.zxing.client.j2se.BufferedImageLuminanceSource;
import com.google.zxing.client.j2se.MatrixToImageWriter;
import com.google.zxing.common.BitMatrix;
import com.google.zxing.common.HybridBinarizer;
import com.google.zxing.qrcode.QRCodeReader;
import org.junit.jupiter.api.Test;

class QrCodeTests {

    static final String URL = "https://herald.example.be/l/Ab3dE5gH";

    @Test
    void theCodeHasAQuietZoneOfFourModulesAndReadsBackAsTheShortUrl() throws Exception {
        BitMatrix m = QrController.matrix(URL, 0);
        for (int i = 0; i < m.getWidth(); i++) {
            for (int edge = 0; edge < QrController.QUIET_ZONE; edge++) {
                assertThat(m.get(i, edge)).isFalse();
                assertThat(m.get(edge, i)).isFalse();
                assertThat(m.get(i, m.getHeight() - 1 - edge)).isFalse();
                assertThat(m.get(m.getWidth() - 1 - edge, i)).isFalse();
            }
        }
        String read = new QRCodeReader()
                .decode(new BinaryBitmap(new HybridBinarizer(new BufferedImageLuminanceSource(
                        MatrixToImageWriter.toBufferedImage(QrController.matrix(URL, 400))))))
                .getText();
        assertThat(read).isEqualTo(URL);
    }

    @Test
    void theSvgSpansTheWholeMatrixIncludingTheQuietZone() {
        BitMatrix m = QrController.matrix(URL, 0);
        assertThat(QrController.svg(URL))
                .startsWith("<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 " + m.getWidth() + " "
                        + m.getHeight() + "\"")
                .contains("<path fill=\"#000\" d=\"M");
    }
}
