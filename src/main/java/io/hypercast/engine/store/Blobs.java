package io.hypercast.engine.store;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.zip.DataFormatException;
import java.util.zip.Deflater;
import java.util.zip.Inflater;

/** Primitive arrays as deflated little-endian blobs: a series or a trial's predictions in one row. */
final class Blobs {
    private Blobs() {
    }

    static byte[] deflate(ByteBuffer raw) {
        Deflater d = new Deflater(Deflater.BEST_SPEED);
        try {
            d.setInput(raw.array(), 0, raw.limit());
            d.finish();
            ByteArrayOutputStream out = new ByteArrayOutputStream(raw.limit() / 2 + 64);
            byte[] buf = new byte[64 * 1024];
            while (!d.finished()) {
                int n = d.deflate(buf);
                out.write(buf, 0, n);
            }
            return out.toByteArray();
        } finally {
            d.end();
        }
    }

    static ByteBuffer inflate(byte[] blob, int rawSize) {
        Inflater inf = new Inflater();
        try {
            inf.setInput(blob);
            byte[] raw = new byte[rawSize];
            int off = 0;
            while (off < rawSize && !inf.finished()) {
                int n = inf.inflate(raw, off, rawSize - off);
                if (n == 0 && (inf.needsInput() || inf.needsDictionary())) {
                    break;
                }
                off += n;
            }
            if (off != rawSize) {
                throw new IllegalStateException("corrupt blob in store: expected " + rawSize + " bytes, got " + off);
            }
            return ByteBuffer.wrap(raw).order(ByteOrder.LITTLE_ENDIAN);
        } catch (DataFormatException e) {
            throw new IllegalStateException("corrupt blob in store: " + e.getMessage(), e);
        } finally {
            inf.end();
        }
    }

    static byte[] doubles(double[] values) {
        ByteBuffer b = ByteBuffer.allocate(values.length * 8).order(ByteOrder.LITTLE_ENDIAN);
        for (double v : values) {
            b.putDouble(v);
        }
        b.flip();
        return deflate(b);
    }

    static double[] doubles(byte[] blob, int n) {
        ByteBuffer b = inflate(blob, n * 8);
        double[] out = new double[n];
        for (int i = 0; i < n; i++) {
            out[i] = b.getDouble();
        }
        return out;
    }
}
