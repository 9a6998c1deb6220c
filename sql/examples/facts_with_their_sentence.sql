-- Every fact with the document and the sentence it came from.
SELECT kind, quote, value, currency, flow, partners, actor, location, action,
       source_path, sentence
FROM facts
ORDER BY source_path, char_start;
