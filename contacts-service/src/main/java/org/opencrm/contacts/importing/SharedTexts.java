package org.opencrm.contacts.importing;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.MappedByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Arrays;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import org.apache.poi.util.XMLHelper;

/**
 * A workbook's shared texts (the sharedStrings part that cells of type "s" point into), kept in a temporary
 * file with an index of where each one starts. POI's own table holds them all in memory as rich-text
 * objects, which for a sheet of a million distinct names is far more than a service's heap.
 */
final class SharedTexts implements AutoCloseable {

    private final Path file;
    private final int[] starts;
    private final int count;
    private final MappedByteBuffer texts;

    private SharedTexts(Path file, int[] starts, int count, MappedByteBuffer texts) {
        this.file = file;
        this.starts = starts;
        this.count = count;
        this.texts = texts;
    }

    /** Reads the shared strings part (none: an empty table). */
    static SharedTexts read(InputStream part) throws IOException {
        Path file = Files.createTempFile("contact-import-texts-", ".bin");
        int[] starts = new int[1024];
        int count = 0;
        long written = 0;
        try (part; OutputStream out = new BufferedOutputStream(Files.newOutputStream(file), 64 * 1024)) {
            if (part != null) {
                XMLStreamReader xml = XMLHelper.newXMLInputFactory().createXMLStreamReader(part);
                StringBuilder text = new StringBuilder();
                int phonetic = 0;
                boolean inText = false;
                while (xml.hasNext()) {
                    int event = xml.next();
                    if (event == XMLStreamConstants.START_ELEMENT) {
                        switch (xml.getLocalName()) {
                            case "si" -> text.setLength(0);
                            case "rPh" -> phonetic++;
                            case "t" -> inText = phonetic == 0;
                            default -> {
                            }
                        }
                    } else if (event == XMLStreamConstants.END_ELEMENT) {
                        switch (xml.getLocalName()) {
                            case "si" -> {
                                byte[] bytes = text.toString().getBytes(StandardCharsets.UTF_8);
                                if (count + 1 >= starts.length) {
                                    starts = Arrays.copyOf(starts, starts.length * 2);
                                }
                                starts[count++] = Math.toIntExact(written);
                                out.write(bytes);
                                written += bytes.length;
                                if (written > Integer.MAX_VALUE) {
                                    throw new UnreadableFileException("The workbook holds more text than can be imported at once.");
                                }
                            }
                            case "rPh" -> phonetic--;
                            case "t" -> inText = false;
                            default -> {
                            }
                        }
                    } else if (inText && (event == XMLStreamConstants.CHARACTERS || event == XMLStreamConstants.CDATA
                            || event == XMLStreamConstants.SPACE)) {
                        text.append(xml.getText());
                    }
                }
                xml.close();
            }
            starts[count] = Math.toIntExact(written);
        } catch (XMLStreamException e) {
            Files.deleteIfExists(file);
            throw new UnreadableFileException("The workbook's shared texts cannot be read: " + e.getMessage(), e);
        } catch (IOException | RuntimeException e) {
            Files.deleteIfExists(file);
            throw e;
        }
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
            return new SharedTexts(file, starts, count, channel.map(FileChannel.MapMode.READ_ONLY, 0, written));
        }
    }

    String get(int index) {
        if (index < 0 || index >= count) {
            throw new IllegalArgumentException("a cell points to shared text " + index + " of " + count);
        }
        byte[] bytes = new byte[starts[index + 1] - starts[index]];
        texts.get(starts[index], bytes);
        return new String(bytes, StandardCharsets.UTF_8);
    }

    @Override
    public void close() {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
