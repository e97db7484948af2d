package dk.vum.barometer.storage;

import java.util.Arrays;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.zip.DataFormatException;
import java.util.zip.Deflater;
import java.util.zip.Inflater;

/**
 * Raw DEFLATE for the encrypted texts, so that one small fixed padded size holds what people write
 * (Danish prose shrinks to about a third). The compressed length is never visible: it is padded before
 * encryption. zlib's state is a few hundred KiB of native memory, so instances are pooled, not made per call,
 * and at most {@link #KEPT} of each are kept between calls (the rest are ended).
 */
final class Compression {

    private static final int KEPT = Math.max(2, 2 * Runtime.getRuntime().availableProcessors());

    private final Queue<Deflater> deflaters = new ConcurrentLinkedQueue<>();
    private final Queue<Inflater> inflaters = new ConcurrentLinkedQueue<>();

    /** The compressed bytes of {@code plain}, or null when they would take more than {@code limit} bytes. */
    byte[] deflate(byte[] plain, int limit) {
        Deflater deflater = deflaters.poll();
        if (deflater == null) deflater = new Deflater(Deflater.BEST_SPEED, true);
        try {
            deflater.setInput(plain);
            deflater.finish();
            byte[] out = new byte[limit + 1];
            int length = 0;
            while (!deflater.finished() && length < out.length) {
                length += deflater.deflate(out, length, out.length - length);
            }
            return deflater.finished() && length <= limit ? Arrays.copyOf(out, length) : null;
        } finally {
            deflater.reset();
            if (deflaters.size() < KEPT) deflaters.offer(deflater);
            else deflater.end();
        }
    }

    byte[] inflate(byte[] compressed, int offset, int length) {
        Inflater inflater = inflaters.poll();
        if (inflater == null) inflater = new Inflater(true);
        try {
            inflater.setInput(compressed, offset, length);
            byte[] out = new byte[Math.max(256, length * 4)];
            int size = 0;
            while (!inflater.finished()) {
                if (size == out.length) out = Arrays.copyOf(out, out.length * 2);
                int n = inflater.inflate(out, size, out.length - size);
                if (n == 0 && (inflater.needsInput() || inflater.needsDictionary())) {
                    throw new StorageException("a compressed text is cut short", null);
                }
                size += n;
            }
            return Arrays.copyOf(out, size);
        } catch (DataFormatException e) {
            throw new StorageException("a compressed text does not inflate", e);
        } finally {
            inflater.reset();
            if (inflaters.size() < KEPT) inflaters.offer(inflater);
            else inflater.end();
        }
    }
}
