package org.healthportal.cms.media.control;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Set;
import org.healthportal.cms.platform.CmsException;

/**
 * Removes what a camera or an editing program wrote beside the pixels (EXIF with its GPS position, XMP, comments,
 * timestamps) before an image is stored and served to everyone. Works on the file's structure, never on pixels:
 * nothing is decoded or re-encoded, so quality and size stay as uploaded and the cost is one pass over the bytes.
 * Colour profiles are kept, and so is a JPEG's orientation (rebuilt as the only EXIF tag) so photos stay upright.
 */
public final class ImageMetadata {

    private static final Set<String> PNG_DROPPED = Set.of("tEXt", "zTXt", "iTXt", "eXIf", "tIME");
    private static final int EXIF_ORIENTATION = 0x0112;

    private ImageMetadata() {
    }

    /** The image without its metadata; a file whose structure is broken is refused. */
    public static byte[] strip(byte[] data, String contentType) {
        try {
            return switch (contentType) {
                case "image/jpeg" -> jpeg(data);
                case "image/png" -> png(data);
                case "image/gif" -> gif(data);
                case "image/webp" -> webp(data);
                default -> throw new IllegalArgumentException(contentType);
            };
        } catch (IndexOutOfBoundsException truncated) {
            throw new CmsException.InvalidInput("The image file is damaged (it ends too early)").withKey("error.imageUnreadable");
        }
    }

    /**
     * JPEG segments: APP0 (JFIF), APP2 ICC profiles, APP14 (Adobe colour transform) and all non-APP segments stay;
     * other APPn (EXIF, XMP, Photoshop IPTC, MPF…) and comments go, and so does whatever follows the end of the
     * image. The scan data is copied as is.
     */
    static byte[] jpeg(byte[] d) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(d.length);
        out.write(0xFF);
        out.write(0xD8);
        int p = 2;
        int orientation = 0;
        boolean orientationWritten = false;
        while (p < d.length) {
            if ((d[p] & 0xFF) != 0xFF) {
                throw new CmsException.InvalidInput("The JPEG file is damaged").withKey("error.imageUnreadable");
            }
            int marker = d[p + 1] & 0xFF;
            if (marker == 0xFF) {
                p++; // fill byte
                continue;
            }
            if (marker == 0xD9 || marker >= 0xD0 && marker <= 0xD7 || marker == 0x01) {
                out.write(d, p, 2);
                p += 2;
                if (marker == 0xD9) {
                    break;
                }
                continue;
            }
            int length = (d[p + 2] & 0xFF) << 8 | (d[p + 3] & 0xFF);
            int end = p + 2 + length;
            if (length < 2 || end > d.length) {
                throw new CmsException.InvalidInput("The JPEG file is damaged").withKey("error.imageUnreadable");
            }
            boolean app = marker >= 0xE0 && marker <= 0xEF;
            if (marker == 0xE1 && orientation == 0) {
                orientation = exifOrientation(d, p + 4, end);
            }
            boolean keep = !app && marker != 0xFE || marker == 0xE0 || marker == 0xEE
                    || marker == 0xE2 && startsWith(d, p + 4, "ICC_PROFILE\0");
            if (!keep) {
                p = end;
                continue;
            }
            if (!orientationWritten && orientation > 1 && marker != 0xE0) {
                // After JFIF, before the rest: where a camera puts its EXIF.
                out.writeBytes(orientationSegment(orientation));
                orientationWritten = true;
            }
            out.write(d, p, end - p);
            p = end;
            if (marker == 0xDA) {
                // The entropy-coded data runs to the next marker that is neither a stuffed 0xFF nor a restart;
                // a progressive JPEG has more tables and scans after it, and EOI ends the image.
                int q = p;
                while (q + 1 < d.length) {
                    int next = d[q + 1] & 0xFF;
                    if ((d[q] & 0xFF) == 0xFF && next != 0x00 && next != 0xFF && (next < 0xD0 || next > 0xD7)) {
                        break;
                    }
                    q++;
                }
                q = q + 1 < d.length ? q : d.length;
                out.write(d, p, q - p);
                p = q;
            }
        }
        // Anything after EOI is not this image: phones append further pictures there (MPF), with their own EXIF.
        return out.toByteArray();
    }

    /** The orientation tag (1–8) of an EXIF APP1 payload, 0 when there is none. */
    static int exifOrientation(byte[] d, int start, int end) {
        if (!startsWith(d, start, "Exif\0\0") || start + 14 > end) {
            return 0;
        }
        int tiff = start + 6;
        boolean big = d[tiff] == 'M';
        int ifd = tiff + (int) u32(d, tiff + 4, big);
        if (ifd < tiff || ifd + 2 > end) {
            return 0;
        }
        int entries = u16(d, ifd, big);
        for (int i = 0; i < entries; i++) {
            int entry = ifd + 2 + 12 * i;
            if (entry + 12 > end) {
                return 0;
            }
            if (u16(d, entry, big) == EXIF_ORIENTATION) {
                int value = u16(d, entry + 8, big);
                return value >= 1 && value <= 8 ? value : 0;
            }
        }
        return 0;
    }

    /** An APP1 segment holding an EXIF block with the orientation as its only tag. */
    static byte[] orientationSegment(int orientation) {
        byte[] exif = {
            'E', 'x', 'i', 'f', 0, 0,
            'M', 'M', 0, 42, 0, 0, 0, 8, // big-endian TIFF header, IFD0 at offset 8
            0, 1, // one entry
            0x01, 0x12, 0, 3, 0, 0, 0, 1, 0, (byte) orientation, 0, 0, // Orientation, SHORT, count 1
            0, 0, 0, 0 // no next IFD
        };
        byte[] segment = new byte[4 + exif.length];
        segment[0] = (byte) 0xFF;
        segment[1] = (byte) 0xE1;
        segment[2] = (byte) ((exif.length + 2) >> 8);
        segment[3] = (byte) (exif.length + 2);
        System.arraycopy(exif, 0, segment, 4, exif.length);
        return segment;
    }

    /** PNG chunks without the text, EXIF and time chunks; nothing after IEND. */
    static byte[] png(byte[] d) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(d.length);
        out.write(d, 0, 8);
        int p = 8;
        while (p + 12 <= d.length) {
            long length = u32(d, p, true);
            String type = new String(d, p + 4, 4, StandardCharsets.ISO_8859_1);
            long end = p + 12 + length;
            if (end > d.length) {
                throw new CmsException.InvalidInput("The PNG file is damaged").withKey("error.imageUnreadable");
            }
            if (!PNG_DROPPED.contains(type)) {
                out.write(d, p, (int) (end - p));
            }
            p = (int) end;
            if (type.equals("IEND")) {
                break;
            }
        }
        return out.toByteArray();
    }

    /** GIF blocks without comments and application extensions other than the looping ones (XMP lives there). */
    static byte[] gif(byte[] d) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(d.length);
        int p = 13 + ImageCheck.Gif.colorTable(d[10]);
        out.write(d, 0, p);
        while (p < d.length) {
            int block = d[p] & 0xFF;
            int end;
            if (block == 0x2C) {
                end = ImageCheck.Gif.skipSubBlocks(d, p + 10 + ImageCheck.Gif.colorTable(d[p + 9]) + 1);
            } else if (block == 0x21) {
                end = ImageCheck.Gif.skipSubBlocks(d, p + 2);
                int label = d[p + 1] & 0xFF;
                boolean looping = label == 0xFF && (startsWith(d, p + 3, "NETSCAPE2.0") || startsWith(d, p + 3, "ANIMEXTS1.0"));
                if (label == 0xFE || label == 0xFF && !looping) {
                    p = end;
                    continue;
                }
            } else if (block == 0x3B) {
                out.write(0x3B);
                break;
            } else {
                throw new CmsException.InvalidInput("The GIF file is damaged").withKey("error.imageUnreadable");
            }
            if (end > d.length) {
                throw new CmsException.InvalidInput("The GIF file is damaged").withKey("error.imageUnreadable");
            }
            out.write(d, p, end - p);
            p = end;
        }
        return out.toByteArray();
    }

    /** WebP chunks without EXIF and XMP; the RIFF size and the VP8X flags are set to match. */
    static byte[] webp(byte[] d) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(d.length);
        out.write(d, 0, 12);
        int vp8x = -1;
        int p = 12;
        while (p + 8 <= d.length) {
            String fourcc = new String(d, p, 4, StandardCharsets.ISO_8859_1);
            long size = u32(d, p + 4, false);
            long end = p + 8 + size + (size & 1);
            if (p + 8 + size > d.length) {
                throw new CmsException.InvalidInput("The WebP file is damaged").withKey("error.imageUnreadable");
            }
            end = Math.min(end, d.length);
            if (!fourcc.equals("EXIF") && !fourcc.equals("XMP ")) {
                if (fourcc.equals("VP8X")) {
                    vp8x = out.size();
                }
                out.write(d, p, (int) (end - p));
            }
            p = (int) end;
        }
        byte[] result = out.toByteArray();
        if (vp8x >= 0) {
            result[vp8x + 8] &= (byte) ~0x0C; // XMP (0x04) and EXIF (0x08) flags
        }
        long riff = result.length - 8L;
        result[4] = (byte) riff;
        result[5] = (byte) (riff >> 8);
        result[6] = (byte) (riff >> 16);
        result[7] = (byte) (riff >> 24);
        return result;
    }

    private static boolean startsWith(byte[] d, int p, String ascii) {
        byte[] prefix = ascii.getBytes(StandardCharsets.ISO_8859_1);
        if (p < 0 || p + prefix.length > d.length) {
            return false;
        }
        for (int i = 0; i < prefix.length; i++) {
            if (d[p + i] != prefix[i]) {
                return false;
            }
        }
        return true;
    }

    private static int u16(byte[] d, int p, boolean big) {
        return big ? (d[p] & 0xFF) << 8 | (d[p + 1] & 0xFF) : (d[p] & 0xFF) | (d[p + 1] & 0xFF) << 8;
    }

    private static long u32(byte[] d, int p, boolean big) {
        return big ? (long) u16(d, p, true) << 16 | u16(d, p + 2, true)
                : u16(d, p, false) | (long) u16(d, p + 2, false) << 16;
    }
}
