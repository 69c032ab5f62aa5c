package io.hypercast.engine.cluster;

import io.hypercast.engine.backtest.ModelInputs;
import io.hypercast.engine.backtest.TrialOutcome;
import io.hypercast.engine.data.Series;
import io.hypercast.engine.spec.SpecJson;
import io.hypercast.model.BacktestSpec;
import io.hypercast.model.FoldResult;
import io.hypercast.model.Metrics;
import io.hypercast.model.Prediction;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.DeflaterOutputStream;
import java.util.zip.InflaterInputStream;

/**
 * The bytes a trial travels as: plain DataOutputStream records of numbers and strings, never Java
 * serialization of engine objects. Doubles go as their IEEE bits, so a worker computes on exactly the
 * values this process holds and its metrics come back bit for bit.
 *
 * <ul>
 *   <li>inputs: the backtest definition (its spec JSON) and the model's series (target and features,
 *       with availability), deflated; the same for every trial of a run, so a worker caches what it
 *       builds from them under their SHA-256;</li>
 *   <li>trial: a task id, the resolved hyperparameters, LightGBM threads (0: the worker decides), seed;</li>
 *   <li>result: the task id, a status, a message, and for a completed trial its metrics, folds and predictions.</li>
 * </ul>
 */
final class TaskCodec {
    static final int INPUTS_MAGIC = 0x48434931; // "HCI1"
    static final int TRIAL_MAGIC = 0x48435431; // "HCT1"
    static final int RESULT_MAGIC = 0x48435231; // "HCR1"
    private static final int MAX_COUNT = 50_000_000;

    private TaskCodec() {
    }

    record Inputs(BacktestSpec spec, ModelInputs inputs) {
    }

    record TrialPart(long taskId, Map<String, Object> params, int threads, long seed) {
    }

    enum Status { COMPLETED, FAILED, CANCELLED, REJECTED }

    record Result(long taskId, Status status, String message, TrialOutcome outcome) {
    }

    // ---- inputs ----

    static byte[] encodeInputs(BacktestSpec spec, ModelInputs in) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(1 << 20);
        try (DataOutputStream out = new DataOutputStream(new DeflaterOutputStream(bytes))) {
            out.writeInt(INPUTS_MAGIC);
            writeString(out, SpecJson.write(spec));
            writeString(out, in.targetName());
            writeSeries(out, in.target());
            out.writeInt(in.features().size());
            for (int i = 0; i < in.features().size(); i++) {
                writeString(out, in.featureNames().get(i));
                writeSeries(out, in.features().get(i));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    static Inputs decodeInputs(byte[] data) {
        try (DataInputStream in = new DataInputStream(new InflaterInputStream(new ByteArrayInputStream(data)))) {
            expect(in, INPUTS_MAGIC, "inputs");
            BacktestSpec spec = SpecJson.readBacktest(readString(in));
            String targetName = readString(in);
            Series target = readSeries(in);
            int n = count(in);
            List<String> names = new ArrayList<>(n);
            List<Series> features = new ArrayList<>(n);
            for (int i = 0; i < n; i++) {
                names.add(readString(in));
                features.add(readSeries(in));
            }
            return new Inputs(spec, new ModelInputs(targetName, target, names, features));
        } catch (IOException e) {
            throw new UncheckedIOException("malformed task inputs: " + e.getMessage(), e);
        }
    }

    private static void writeSeries(DataOutputStream out, Series s) throws IOException {
        out.writeLong(s.start());
        out.writeLong(s.periodSeconds());
        double[] v = s.values();
        long[] k = s.knownFroms();
        out.writeInt(v.length);
        for (double d : v) {
            out.writeLong(Double.doubleToRawLongBits(d));
        }
        for (long l : k) {
            out.writeLong(l);
        }
    }

    private static Series readSeries(DataInputStream in) throws IOException {
        long start = in.readLong();
        long period = in.readLong();
        int n = count(in);
        double[] v = new double[n];
        long[] k = new long[n];
        for (int i = 0; i < n; i++) {
            v[i] = Double.longBitsToDouble(in.readLong());
        }
        for (int i = 0; i < n; i++) {
            k[i] = in.readLong();
        }
        return new Series(start, period, v, k);
    }

    // ---- trial ----

    static byte[] encodeTrial(TrialPart t) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(512);
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            out.writeInt(TRIAL_MAGIC);
            out.writeLong(t.taskId());
            writeParams(out, t.params());
            out.writeInt(t.threads());
            out.writeLong(t.seed());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    static TrialPart decodeTrial(byte[] data) {
        try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(data))) {
            expect(in, TRIAL_MAGIC, "trial");
            long id = in.readLong();
            Map<String, Object> params = readParams(in);
            return new TrialPart(id, params, in.readInt(), in.readLong());
        } catch (IOException e) {
            throw new UncheckedIOException("malformed trial: " + e.getMessage(), e);
        }
    }

    /** Each value keeps its exact type (Long, Integer, Double, String, Boolean, null): the trainer casts them. */
    private static void writeParams(DataOutputStream out, Map<String, Object> params) throws IOException {
        out.writeInt(params.size());
        for (Map.Entry<String, Object> e : params.entrySet()) {
            writeString(out, e.getKey());
            Object v = e.getValue();
            if (v == null) {
                out.writeByte('N');
            } else if (v instanceof Long l) {
                out.writeByte('L');
                out.writeLong(l);
            } else if (v instanceof Integer i) {
                out.writeByte('I');
                out.writeInt(i);
            } else if (v instanceof Double d) {
                out.writeByte('D');
                out.writeLong(Double.doubleToRawLongBits(d));
            } else if (v instanceof Boolean b) {
                out.writeByte('B');
                out.writeBoolean(b);
            } else if (v instanceof String s) {
                out.writeByte('S');
                writeString(out, s);
            } else {
                throw new IllegalArgumentException("parameter " + e.getKey() + " has a value of type " + v.getClass().getSimpleName()
                        + ", which a task cannot carry");
            }
        }
    }

    private static Map<String, Object> readParams(DataInputStream in) throws IOException {
        int n = count(in);
        Map<String, Object> out = new LinkedHashMap<>();
        for (int i = 0; i < n; i++) {
            String name = readString(in);
            int tag = in.readByte();
            Object v = switch (tag) {
                case 'N' -> null;
                case 'L' -> in.readLong();
                case 'I' -> in.readInt();
                case 'D' -> Double.longBitsToDouble(in.readLong());
                case 'B' -> in.readBoolean();
                case 'S' -> readString(in);
                default -> throw new IOException("unknown value tag " + tag + " for " + name);
            };
            out.put(name, v);
        }
        return out;
    }

    // ---- result ----

    static byte[] encodeResult(Result r) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(64 * 1024);
        try (DataOutputStream out = new DataOutputStream(new DeflaterOutputStream(bytes))) {
            out.writeInt(RESULT_MAGIC);
            out.writeLong(r.taskId());
            out.writeByte(r.status().ordinal());
            writeNullableString(out, r.message());
            TrialOutcome o = r.outcome();
            out.writeBoolean(o != null);
            if (o != null) {
                writeMetrics(out, o.metrics());
                out.writeInt(o.folds().size());
                for (FoldResult f : o.folds()) {
                    out.writeInt(f.fold());
                    writeInstant(out, f.fitReferenceTime());
                    out.writeInt(f.fitRows());
                    out.writeLong(Double.doubleToRawLongBits(f.fitSeconds()));
                    out.writeInt(f.predictions());
                    out.writeInt(f.skippedNullFeatures());
                    writeMetrics(out, f.metrics());
                }
                out.writeInt(o.predictions().size());
                for (Prediction p : o.predictions()) {
                    writeInstant(out, p.time());
                    writeInstant(out, p.referenceTime());
                    out.writeBoolean(p.target() != null);
                    if (p.target() != null) {
                        out.writeLong(Double.doubleToRawLongBits(p.target()));
                    }
                    out.writeLong(Double.doubleToRawLongBits(p.prediction()));
                }
                out.writeLong(o.skippedNullRows());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    static Result decodeResult(byte[] data) {
        try (DataInputStream in = new DataInputStream(new InflaterInputStream(new ByteArrayInputStream(data)))) {
            expect(in, RESULT_MAGIC, "result");
            long id = in.readLong();
            int s = in.readByte();
            if (s < 0 || s >= Status.values().length) {
                throw new IOException("unknown status " + s);
            }
            Status status = Status.values()[s];
            String message = readNullableString(in);
            TrialOutcome outcome = null;
            if (in.readBoolean()) {
                Metrics m = readMetrics(in);
                int nf = count(in);
                List<FoldResult> folds = new ArrayList<>(nf);
                for (int i = 0; i < nf; i++) {
                    int fold = in.readInt();
                    Instant fit = readInstant(in);
                    int rows = in.readInt();
                    double seconds = Double.longBitsToDouble(in.readLong());
                    int preds = in.readInt();
                    int skipped = in.readInt();
                    folds.add(new FoldResult(fold, fit, rows, seconds, preds, skipped, readMetrics(in)));
                }
                int np = count(in);
                List<Prediction> predictions = new ArrayList<>(np);
                for (int i = 0; i < np; i++) {
                    Instant t = readInstant(in);
                    Instant ref = readInstant(in);
                    Double target = in.readBoolean() ? Double.longBitsToDouble(in.readLong()) : null;
                    predictions.add(new Prediction(t, ref, target, Double.longBitsToDouble(in.readLong())));
                }
                outcome = new TrialOutcome(m, List.copyOf(folds), predictions, in.readLong());
            }
            return new Result(id, status, message, outcome);
        } catch (IOException e) {
            throw new UncheckedIOException("malformed result: " + e.getMessage(), e);
        }
    }

    private static void writeMetrics(DataOutputStream out, Metrics m) throws IOException {
        out.writeBoolean(m != null);
        if (m == null) {
            return;
        }
        out.writeLong(Double.doubleToRawLongBits(m.mae()));
        out.writeLong(Double.doubleToRawLongBits(m.mse()));
        out.writeLong(Double.doubleToRawLongBits(m.rmse()));
        out.writeBoolean(m.mape() != null);
        if (m.mape() != null) {
            out.writeLong(Double.doubleToRawLongBits(m.mape()));
        }
        out.writeLong(m.rows());
        out.writeLong(m.mapeZeroActuals());
    }

    private static Metrics readMetrics(DataInputStream in) throws IOException {
        if (!in.readBoolean()) {
            return null;
        }
        double mae = Double.longBitsToDouble(in.readLong());
        double mse = Double.longBitsToDouble(in.readLong());
        double rmse = Double.longBitsToDouble(in.readLong());
        Double mape = in.readBoolean() ? Double.longBitsToDouble(in.readLong()) : null;
        return new Metrics(mae, mse, rmse, mape, in.readLong(), in.readLong());
    }

    private static void writeInstant(DataOutputStream out, Instant t) throws IOException {
        out.writeBoolean(t != null);
        if (t != null) {
            out.writeLong(t.getEpochSecond());
            out.writeInt(t.getNano());
        }
    }

    private static Instant readInstant(DataInputStream in) throws IOException {
        return in.readBoolean() ? Instant.ofEpochSecond(in.readLong(), in.readInt()) : null;
    }

    private static void writeString(DataOutputStream out, String s) throws IOException {
        byte[] b = s.getBytes(java.nio.charset.StandardCharsets.UTF_8);
        out.writeInt(b.length);
        out.write(b);
    }

    private static String readString(DataInputStream in) throws IOException {
        byte[] b = new byte[count(in)];
        in.readFully(b);
        return new String(b, java.nio.charset.StandardCharsets.UTF_8);
    }

    private static void writeNullableString(DataOutputStream out, String s) throws IOException {
        out.writeBoolean(s != null);
        if (s != null) {
            writeString(out, s);
        }
    }

    private static String readNullableString(DataInputStream in) throws IOException {
        return in.readBoolean() ? readString(in) : null;
    }

    private static int count(DataInputStream in) throws IOException {
        int n = in.readInt();
        if (n < 0 || n > MAX_COUNT) {
            throw new IOException("a count of " + n + " is out of range");
        }
        return n;
    }

    private static void expect(DataInputStream in, int magic, String what) throws IOException {
        int m = in.readInt();
        if (m != magic) {
            throw new IOException("not a Hypercast " + what + " (magic " + Integer.toHexString(m) + ")");
        }
    }
}
