-- Section 3: the well-formed CSV records of the orders, products and FX rates files (source_files, datasets
-- 'orders', 'products', 'fx_rates'), each as its list of unquoted fields.
--
-- DuckDB's own CSV reader is not used: after a malformed record it resynchronises its own way (an unclosed
-- quote takes the rest of the file with it, and so can text after the closing quote of a field spanning
-- lines), while the contract's parser (docs/data-contract-notes.md, "Where a malformed record ends") ends
-- such a record at the end of its line, or for a quote never closed at its first line break, and reads on.
-- So the files are read as lines, like the events, and put back together into records here, by the same
-- RFC 4180 rules: a record ends at a line break outside quotes; a line that breaks the grammar (a quote
-- inside an unquoted field, text after a closing quote) ends its record, which is MALFORMED_CSV.

-- The files: DuckDB's readers take a list fixed before the query runs.
SET VARIABLE csv_files = (SELECT list(read_path ORDER BY source_path) FROM source_files
                          WHERE dataset IN ('orders', 'products', 'fx_rates'));

CREATE TABLE csv_records AS
WITH RECURSIVE lines AS (
  -- A line that is not UTF-8 is dropped by DuckDB: its record is INVALID_ENCODING (or MALFORMED_CSV), dropped
  -- either way; were it one line of a record spanning several, the others would be read as they come. A \r
  -- ends a line too outside strict mode, so a \r\n leaves an empty line: lines are joined back with one
  -- byte, so a record's length in bytes is kept.
  SELECT s.dataset, s.partition_date, s.source_path, l.ordinality AS position, coalesce(l.line, '') AS line
  FROM read_csv(getvariable('csv_files'), columns = {'line': 'VARCHAR'}, header = false, auto_detect = false,
                delim = E'\x01', quote = '', escape = '', new_line = '\n', strict_mode = false,
                max_line_size = 8388608, ignore_errors = true, filename = true,
                hive_partitioning = false) WITH ORDINALITY AS l
  JOIN source_files s ON s.read_path = l.filename
), classified AS (
  -- How each line ends when read from the start of a record (as_start) and when read inside a quoted field
  -- that an earlier line opened (as_continuation): 'complete' (outside quotes), 'open' (inside quotes) or
  -- 'malformed'. A continuation that closes its field and opens another is 'open' again.
  SELECT l.*,
         l.position = min(l.position) OVER (PARTITION BY l.source_path) AS is_header,
         CASE WHEN regexp_full_match(line, '(?:' || csv_field() || ',)*' || csv_field()) THEN 'complete'
              WHEN regexp_full_match(line, '(?:' || csv_field() || ',)*"' || csv_quoted_text()) THEN 'open'
              ELSE 'malformed' END AS as_start,
         CASE WHEN regexp_full_match(line, csv_quoted_text() || '"(?:,' || csv_field() || ')*') THEN 'complete'
              WHEN regexp_full_match(line, csv_quoted_text()
                                           || '(?:"(?:,' || csv_field() || ')*,"' || csv_quoted_text() || ')?')
                THEN 'open'
              ELSE 'malformed' END AS as_continuation,
         sum(strlen(line) + 1) OVER (PARTITION BY l.source_path ORDER BY l.position) AS bytes_through
  FROM lines l
), openings AS (
  -- Lines that open a quoted field and do not close it, and where their record ends: at the first later line
  -- of the file that, read inside the quotes, does not end inside quotes. A quote never closed ends its
  -- record at its first line break (ends_at null): none closes it, or the record passes the 1 MiB limit by
  -- the end of the line that closes it (the contract's parser would stop at the limit itself; a quote
  -- closing before the limit on that line is the one case the two read differently).
  SELECT source_path, position, CASE WHEN closing_bytes - bytes_through + strlen(line) <= 1048576
                                     THEN closing END AS ends_at
  FROM (
    SELECT *,
           min(position) FILTER (WHERE as_continuation <> 'open') OVER following AS closing,
           min(bytes_through) FILTER (WHERE as_continuation <> 'open') OVER following AS closing_bytes
    FROM classified
    WINDOW following AS (PARTITION BY source_path ORDER BY position
                         ROWS BETWEEN 1 FOLLOWING AND UNBOUNDED FOLLOWING)
  )
  WHERE as_start = 'open' AND NOT is_header
), chained AS (
  -- Which openings start a record: the first of each file, then the first one after the end of the one
  -- before. The others are lines inside a quoted field.
  SELECT o.source_path, o.position, o.ends_at, n.position AS next_opening
  FROM openings o
  ASOF LEFT JOIN openings n ON n.source_path = o.source_path AND n.position > coalesce(o.ends_at, o.position)
), spans AS (
  -- The openings that start a record, following the chain from each file's first.
  SELECT * FROM (SELECT * FROM chained QUALIFY position = min(position) OVER (PARTITION BY source_path))
  UNION
  SELECT c.* FROM spans s JOIN chained c ON c.source_path = s.source_path AND c.position = s.next_opening
), multi_line AS (
  -- The records that span lines: their text, lines joined by a line break, and how their last line ends.
  SELECT s.source_path, s.position,
         string_agg(c.line, E'\n' ORDER BY c.position) AS text,
         arg_max(c.as_continuation, c.position) = 'complete' AS well_formed
  FROM spans s
  JOIN classified c ON c.source_path = s.source_path AND c.position BETWEEN s.position AND s.ends_at
  WHERE s.ends_at IS NOT NULL
  GROUP BY ALL
), single_line AS (
  -- Every other line not inside a record that spans lines is a record of its own; an empty one is skipped.
  SELECT c.source_path, c.position, c.line AS text, c.as_start = 'complete' AS well_formed
  FROM classified c
  WHERE NOT c.is_header AND c.line <> ''
    AND NOT EXISTS (SELECT 1 FROM spans s
                    WHERE s.source_path = c.source_path AND c.position BETWEEN s.position AND s.ends_at)
), headers(dataset, header) AS (
  VALUES ('orders', 'order_id,user_id,order_time,status,currency,subtotal,shipping,tax,total,shipping_country,notes'),
         ('products', 'product_id,title,category,brand,list_price,currency,active'),
         ('fx_rates', 'currency,usd_per_unit')
), files AS (
  -- A file whose header is not the contract's columns, exactly and in order, has no valid record.
  SELECT c.source_path, c.dataset, c.partition_date, c.line = h.header AS header_ok,
         len(string_split(h.header, ',')) AS field_count
  FROM classified c JOIN headers h ON h.dataset = c.dataset
  WHERE c.is_header
), records AS (
  -- Each record's fields as written: a comma put before the first makes every field follow one.
  SELECT source_path, position, text, well_formed,
         regexp_extract_all(',' || text, ',(' || csv_field() || ')', 1) AS written_fields
  FROM (SELECT * FROM multi_line UNION ALL SELECT * FROM single_line)
)
-- MALFORMED_CSV: a record that breaks the grammar, has another number of fields than the header, or is over
-- 1 MiB (counted from its first byte up to its terminator). Fields are unquoted; an empty one, quoted or not,
-- is '' (the callers take it as missing, or as null where the contract allows).
SELECT f.dataset, f.partition_date, r.source_path, r.position,
       [CASE WHEN starts_with(v, '"') THEN replace(v[2:-2], '""', '"') ELSE v END FOR v IN r.written_fields] AS fields
FROM records r JOIN files f ON f.source_path = r.source_path
WHERE r.well_formed AND f.header_ok AND strlen(r.text) <= 1048576 AND len(r.written_fields) = f.field_count;
