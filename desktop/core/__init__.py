"""The application core every feature stands on (no feature logic, never Qt):
`context` (the opened database and the user), `changes` (what a write changed), `writes` (the one write
door: lock order, conflicts retried), `audit` (the log, inside the caller's transaction), `jobs` (long
work with progress and cancel, and which lane it runs on), `paths` (where files live), `text` (Vietnamese
NFC, folding, sort), `vocabulary` (labels of stored codes, date formats), `settings` (every setting
declared once; the office's store in the database), `listing`/`browse` (lazy lists), `dispatch` (the
dispatch JSON value), `commands` (what every subcommand shares), `pdfium` (the one lock every PDFium
call takes)."""
