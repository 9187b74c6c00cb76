package eu.herald.links.web;

import com.google.zxing.client.j2se.MatrixToImageWriter;
import com.google.zxing.common.BitMatrix;
import eu.herald.links.domain.LinkService;
import eu.herald.links.domain.QrCodes;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

/** QR codes of a short link (with the standard quiet zone of four modules), for the campaign's readers. */
@Controller
class QrController {

    static final int QUIET_ZONE = QrCodes.QUIET_ZONE;

    private final LinkService links;

    QrController(LinkService links) {
        this.links = links;
    }

    static BitMatrix matrix(String content, int size) {
        return QrCodes.matrix(content, size);
    }

    /** An SVG with one square per dark module, the quiet zone included in the view box. */
    static String svg(String content) {
        BitMatrix m = matrix(content, 0);
        StringBuilder path = new StringBuilder();
        for (int y = 0; y < m.getHeight(); y++) {
            for (int x = 0; x < m.getWidth(); x++) {
                if (m.get(x, y)) {
                    path.append('M').append(x).append(' ').append(y).append("h1v1h-1z");
                }
            }
        }
        return "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 " + m.getWidth() + " " + m.getHeight()
                + "\" shape-rendering=\"crispEdges\" role=\"img\"><title>QR</title>"
                + "<rect width=\"100%\" height=\"100%\" fill=\"#fff\"/><path fill=\"#000\" d=\"" + path + "\"/></svg>";
    }

    @GetMapping("/links/{code}/qr.svg")
    ResponseEntity<byte[]> svgCode(@PathVariable String code) {
        String url = links.shortUrl(links.readable(code).code());
        return ResponseEntity.ok()
                .contentType(MediaType.valueOf("image/svg+xml"))
                .body(svg(url).getBytes(StandardCharsets.UTF_8));
    }

    @GetMapping("/links/{code}/qr.png")
    ResponseEntity<byte[]> pngCode(@PathVariable String code) throws IOException {
        String url = links.shortUrl(links.readable(code).code());
        ByteArrayOutputStream png = new ByteArrayOutputStream();
        MatrixToImageWriter.writeToStream(matrix(url, 600), "PNG", png);
        return ResponseEntity.ok().contentType(MediaType.IMAGE_PNG).body(png.toByteArray());
    }
}
