package eu.herald.links.domain;

import com.google.zxing.BarcodeFormat;
import com.google.zxing.EncodeHintType;
import com.google.zxing.WriterException;
import com.google.zxing.common.BitMatrix;
import com.google.zxing.qrcode.QRCodeWriter;
import com.google.zxing.qrcode.decoder.ErrorCorrectionLevel;
import java.util.Map;

/** QR codes of short links (ZXing), error correction M, with the standard quiet zone of four modules. */
public final class QrCodes {

    public static final int QUIET_ZONE = 4;

    private QrCodes() {}

    /** The matrix; {@code size} 0 gives one pixel per module. */
    public static BitMatrix matrix(String content, int size) {
        try {
            return new QRCodeWriter()
                    .encode(
                            content,
                            BarcodeFormat.QR_CODE,
                            size,
                            size,
                            Map.of(
                                    EncodeHintType.MARGIN,
                                    QUIET_ZONE,
                                    EncodeHintType.ERROR_CORRECTION,
                                    ErrorCorrectionLevel.M,
                                    EncodeHintType.CHARACTER_SET,
                                    "UTF-8"));
        } catch (WriterException e) {
            throw new IllegalStateException(e);
        }
    }
}
