"""Search everywhere: one box (Ctrl+K) over outgoing and incoming documents, tasks and units — number
and symbol, subject, body, Kính gửi and Nơi nhận, task text, unit names — accent- and case-insensitive,
every word must match, an exact number/symbol first, then by relevance.

Public modules: `query` (search, find, Hit), `context` (match_context: where a hit matched, in its own
words), `cli` (`search`). Inside only: `titles` (what a hit shows).
The index itself is storage: db.search_index, kept by db.listeners.
"""

PUBLIC = ("query", "context", "cli")
