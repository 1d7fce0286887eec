package io.mrsuite.jobs.fuzz;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;

/**
 * Makes one raw file of a dataset with one corruption: lays out its records, corrupts the content, compresses
 * it (or not, or names it wrongly) and corrupts the compressed bytes, keeping track of what each step did to
 * the records.
 */
final class FileMaker {
  private final SplittableRandom random;
  private final LocalDate day;
  private final EventContent events;
  private final CsvContent csv;

  FileMaker(SplittableRandom random, LocalDate day, EventContent events, CsvContent csv) {
    this.random = random;
    this.day = day;
    this.events = events;
    this.csv = csv;
  }

  /**
   * @param fileCodec the codec the file's name says, or for COMPRESSED_UNNAMED the codec of its bytes
   */
  RawFile make(int index, RawDataset dataset, Corruption corruption, Compression fileCodec) {
    Compression codec = corruption == Corruption.NOT_COMPRESSED ? Compression.NONE : fileCodec;
    Compression named = corruption == Corruption.COMPRESSED_UNNAMED ? Compression.NONE : fileCodec;
    StreamCorruptor streams = new StreamCorruptor(random);
    StreamCorruptor.Cut streamCut = corruption == Corruption.COMPRESSED_CUT ? streamCut(dataset, codec) : null;
    boolean manyBlocks = streamCut == StreamCorruptor.Cut.AT_BLOCK_BOUNDARY;
    RawContent content = corruption == Corruption.EMPTY_FILE ? new RawContent().laidOut()
        : dataset.isCsv() ? csv.build(dataset, corruption, manyBlocks) : events.build(corruption, manyBlocks);
    List<String> detail = new ArrayList<>(List.of(corruption.name()));
    ContentCorruptor contents = new ContentCorruptor(random, dataset.isCsv());
    if (corruption == Corruption.BYTE_FLIPS) {
      detail.add(contents.flipBytes(content, 1 + random.nextInt(3)));
    } else if (corruption == Corruption.TRUNCATED) {
      List<ContentCorruptor.Cut> cuts = contents.possibleCuts(content);
      detail.add(contents.cut(content, cuts.get(random.nextInt(cuts.size()))));
    }
    content.numberLines();

    byte[] plain = content.bytes();
    int secondStreamAt = corruption == Corruption.NONE && codec != Compression.NONE && plain.length > 1
        && random.nextInt(3) == 0 ? 1 + random.nextInt(plain.length - 1) : 0;
    if (secondStreamAt > 0) {
      detail.add("second " + codec + " stream at byte " + secondStreamAt);
    }
    byte[] bytes = corruption == Corruption.EMPTY_FILE ? new byte[0]
        : codec.compress(plain, secondStreamAt, manyBlocks ? 1 : 1 + random.nextInt(9));
    RawFile.Readability readability = readability(corruption, named);
    long decodable = plain.length;
    if (streamCut != null) {
      StreamCorruptor.CutStream cut = streams.cut(codec, bytes, streamCut);
      bytes = cut.bytes();
      decodable = codec.decodablePrefix(bytes);
      detail.add(cut.detail() + ", decodes to " + decodable + " of " + plain.length + " bytes");
    } else if (corruption == Corruption.COMPRESSED_FLIP) {
      StreamCorruptor.CutStream flipped = streams.flip(codec, bytes);
      bytes = flipped.bytes();
      detail.add(flipped.detail());
    }
    if (readability != RawFile.Readability.EXACT && readability != RawFile.Readability.CUT_STREAM) {
      content.records().forEach(record -> record.expect(Expectation.UNKNOWN));
    }
    detail.add(content.records().size() + " records in " + plain.length + " bytes");
    return new RawFile(dataset, path(index, dataset, corruption, named), corruption, String.join("; ", detail),
        bytes, List.copyOf(content.records()), readability, decodable);
  }

  /** Where to cut the compressed bytes, chosen before the content: a cut at a block boundary needs several. */
  private StreamCorruptor.Cut streamCut(RawDataset dataset, Compression codec) {
    List<StreamCorruptor.Cut> cuts = new ArrayList<>(List.of(StreamCorruptor.Cut.IN_HEADER,
        StreamCorruptor.Cut.IN_DATA, StreamCorruptor.Cut.BEFORE_TRAILER, StreamCorruptor.Cut.IN_TRAILER));
    if (codec == Compression.BZIP2 && dataset.canSpanBzip2Blocks()) {
      cuts.add(StreamCorruptor.Cut.AT_BLOCK_BOUNDARY);
    }
    return cuts.get(random.nextInt(cuts.size()));
  }

  private static RawFile.Readability readability(Corruption corruption, Compression named) {
    switch (corruption) {
      case COMPRESSED_CUT:
        return RawFile.Readability.CUT_STREAM;
      case COMPRESSED_FLIP:
        return RawFile.Readability.CORRUPT_STREAM;
      case NOT_COMPRESSED:
        return RawFile.Readability.UNDECODABLE;
      case COMPRESSED_UNNAMED:
        return RawFile.Readability.GARBAGE;
      case EMPTY_FILE:
        return named == Compression.NONE ? RawFile.Readability.EXACT : RawFile.Readability.UNDECODABLE;
      default:
        return RawFile.Readability.EXACT;
    }
  }

  private String path(int index, RawDataset dataset, Corruption corruption, Compression named) {
    String name = String.format(Locale.ROOT, "%s-%05d-%s.%s%s", dataset.dir(), index,
        corruption.name().toLowerCase(Locale.ROOT).replace('_', '-'), dataset.extension(), named.suffix());
    String partition = "raw/" + dataset.dir() + "/dt=" + day;
    return dataset.isCsv() ? partition + "/" + name
        : String.format(Locale.ROOT, "%s/hr=%02d/%s", partition, random.nextInt(24), name);
  }
}
