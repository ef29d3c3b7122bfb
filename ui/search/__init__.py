"""The search window (Ctrl+K): one box over outgoing and incoming documents, tasks and units, results
grouped by kind; Enter or a double-click opens the item where its list would.

Public modules: `window` (SearchWindow), `opening` (open_item: a hit opened through its section).
"""

PUBLIC = ("window", "opening")
