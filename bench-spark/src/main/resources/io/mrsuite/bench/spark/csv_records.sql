-- Section 3: the well-formed CSV records of the orders, products and FX rates files (the view csv_text: value,
-- source_path, position, dataset, partition_date, one row per line), each as its array of unquoted fields.
-- Ported from the DuckDB peer's csv_records.sql, for the same reason: a CSV reader (Spark's is univocity's)
-- resynchronises after a malformed record its own way, while the contract's parser (docs/data-contract-notes.md,
-- "Where a malformed record ends") ends such a record at the end of its line, or for a quote never closed at its
-- first line break, and reads on. So the files are read as lines and put back together into records here, by the
-- same RFC 4180 rules: a record ends at a line break outside quotes; a line that breaks the grammar (a quote
-- inside an unquoted field, text after a closing quote) ends its record, which is MALFORMED_CSV.
--
-- The grammar as Java regular expressions: a field, quoted (a quote inside doubled, line breaks allowed) or not
-- (no comma, no quote), (?:"(?:[^"]++|"")*+"|[^,"]*+); the text inside a quoted field, (?:[^"]++|"")*+. Runs of
-- characters are matched possessively, so that a long field does not take Java's regex one stack frame a character.
CACHE TABLE csv_records AS
WITH lines AS (
  -- A line that is not UTF-8 is dropped, as the DuckDB peer's reader drops it: its record is INVALID_ENCODING (or
  -- MALFORMED_CSV), dropped either way. A \r before the \n belongs to the terminator. Lines of a record are
  -- joined back with one byte, \n.
  SELECT dataset, partition_date, source_path, position,
         CASE WHEN endswith(value, '\r') THEN left(value, length(value) - 1) ELSE value END AS line
  FROM csv_text
  WHERE is_valid_utf8(value)
), classified AS (
  -- How each line ends when read from the start of a record (as_start) and when read inside a quoted field that
  -- an earlier line opened (as_continuation): 'complete' (outside quotes), 'open' (inside quotes) or
  -- 'malformed'. A continuation that closes its field and opens another is 'open' again.
  SELECT l.*,
         l.position = min(l.position) OVER (PARTITION BY l.source_path) AS is_header,
         CASE WHEN line RLIKE r'^(?:(?:"(?:[^"]++|"")*+"|[^,"]*+),)*(?:"(?:[^"]++|"")*+"|[^,"]*+)\z' THEN 'complete'
              WHEN line RLIKE r'^(?:(?:"(?:[^"]++|"")*+"|[^,"]*+),)*"(?:[^"]++|"")*+\z' THEN 'open'
              ELSE 'malformed' END AS as_start,
         CASE WHEN line RLIKE r'^(?:[^"]++|"")*+"(?:,(?:"(?:[^"]++|"")*+"|[^,"]*+))*\z' THEN 'complete'
              WHEN line RLIKE r'^(?:[^"]++|"")*+(?:"(?:,(?:"(?:[^"]++|"")*+"|[^,"]*+))*,"(?:[^"]++|"")*+)?\z'
                THEN 'open'
              ELSE 'malformed' END AS as_continuation,
         sum(octet_length(line) + 1) OVER (PARTITION BY l.source_path ORDER BY l.position
                                           ROWS BETWEEN UNBOUNDED PRECEDING AND CURRENT ROW) AS bytes_through
  FROM lines l
), openings AS (
  -- Lines that open a quoted field and do not close it, and where their record ends: at the first later line of
  -- the file that, read inside the quotes, does not end inside quotes. A quote never closed ends its record at
  -- its first line break (ends_at null): none closes it, or the record passes the 1 MiB limit by the end of the
  -- line that closes it. The window runs backwards so that its frame only grows (Spark recomputes a frame that
  -- ends UNBOUNDED FOLLOWING for every row).
  SELECT source_path, position, CASE WHEN closing_bytes - bytes_through + octet_length(line) <= 1048576
                                     THEN closing END AS ends_at
  FROM (
    SELECT *,
           min(CASE WHEN as_continuation <> 'open' THEN position END) OVER later AS closing,
           min(CASE WHEN as_continuation <> 'open' THEN bytes_through END) OVER later AS closing_bytes
    FROM classified
    WINDOW later AS (PARTITION BY source_path ORDER BY position DESC
                     ROWS BETWEEN UNBOUNDED PRECEDING AND 1 PRECEDING)
  )
  WHERE as_start = 'open' AND NOT is_header
), spans AS (
  -- Which openings start a record: the first of each file, then the first one after the end of the one before;
  -- the others are lines inside a quoted field. The DuckDB peer follows this chain with a recursive CTE, one
  -- step a record; here one pass over each file's openings in order (aggregate) keeps those that start after the
  -- last kept one ends. Only spans that end on a later line (ends_at not null) join lines.
  SELECT source_path, span.position, span.ends_at
  FROM (
    SELECT source_path, explode(aggregate(
             array_sort(collect_list(named_struct('position', position, 'ends_at', ends_at))),
             named_struct('last_end', CAST(-1 AS BIGINT),
                          'kept', CAST(array() AS ARRAY<STRUCT<position: BIGINT, ends_at: BIGINT>>)),
             (acc, o) -> IF(o.position > acc.last_end,
                            named_struct('last_end', coalesce(o.ends_at, o.position),
                                         'kept', array_append(acc.kept, o)),
                            acc),
             acc -> acc.kept)) AS span
    FROM openings
    GROUP BY source_path
  )
  WHERE span.ends_at IS NOT NULL
), assigned AS (
  -- Each line with the span it lies in, if any: spans do not overlap, so the latest span started at or before a
  -- line holds it when it reaches that far.
  SELECT c.*,
         max(s.ends_at) OVER upto AS reach,
         max(s.position) OVER upto AS span_start
  FROM classified c
  LEFT JOIN spans s ON s.source_path = c.source_path AND s.position = c.position
  WINDOW upto AS (PARTITION BY c.source_path ORDER BY c.position ROWS BETWEEN UNBOUNDED PRECEDING AND CURRENT ROW)
), records AS (
  -- The records that span lines: their text, lines joined by a line break, and how their last line ends.
  SELECT source_path, span_start AS position,
         array_join(transform(array_sort(collect_list(named_struct('position', position, 'line', line))),
                              l -> l.line), '\n') AS text,
         max_by(as_continuation, position) = 'complete' AS well_formed
  FROM assigned
  WHERE position <= reach
  GROUP BY source_path, span_start
  UNION ALL
  -- Every other line not inside a record that spans lines is a record of its own; an empty one is skipped.
  SELECT source_path, position, line AS text, as_start = 'complete' AS well_formed
  FROM assigned
  WHERE NOT is_header AND line <> '' AND (reach IS NULL OR position > reach)
), headers AS (
  SELECT * FROM VALUES
    ('orders', 'order_id,user_id,order_time,status,currency,subtotal,shipping,tax,total,shipping_country,notes'),
    ('products', 'product_id,title,category,brand,list_price,currency,active'),
    ('fx_rates', 'currency,usd_per_unit') AS h(dataset, header)
), files AS (
  -- A file whose header is not the contract's columns, exactly and in order, has no valid record.
  SELECT c.source_path, c.dataset, c.partition_date, c.line = h.header AS header_ok,
         size(split(h.header, ',')) AS field_count
  FROM classified c JOIN headers h ON h.dataset = c.dataset
  WHERE c.is_header
), fielded AS (
  -- Each record's fields as written: a comma put before the first makes every field follow one.
  SELECT *, regexp_extract_all(concat(',', text), r',((?:"(?:[^"]++|"")*+"|[^,"]*+))', 1) AS written_fields
  FROM records
)
-- MALFORMED_CSV: a record that breaks the grammar, has another number of fields than the header, or is over 1 MiB
-- (counted from its first byte up to its terminator). Fields are unquoted; an empty one, quoted or not, is ''
-- (the callers take it as missing, or as null where the contract allows). fields is 0-based.
SELECT f.dataset, f.partition_date, r.source_path, r.position,
       transform(r.written_fields,
                 v -> CASE WHEN startswith(v, '"') THEN replace(substr(v, 2, length(v) - 2), '""', '"') ELSE v END)
         AS fields
FROM fielded r JOIN files f ON f.source_path = r.source_path
WHERE r.well_formed AND f.header_ok AND octet_length(r.text) <= 1048576 AND size(r.written_fields) = f.field_count;
