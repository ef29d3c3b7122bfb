"""Incoming letters (văn bản đến) as records: one service the editor, the importer and folder import
call — create (arrival number, lines, citations, the original file kept, duplicates refused unless
allowed, replies linked), edit every field, attach, delete after saying what goes with it.

Public modules: `service` (create_incoming, create_in_session, update_incoming, load_incoming,
attach_file, original_file), `inputs` (IncomingInput, LoadedIncoming, IncomingSaved, IncomingInvalid,
DuplicateIncoming), `removal` (deletion_impact, delete_incoming), `lines` (write_lines,
write_references: lines and citations read from a letter), `forms` (the editor's text fields as
values), `files` (the kept originals: checksum, AttachmentError), `autosave` (save_form, load_form,
discard_form: what is typed into a letter's form, kept until it is saved). Inside only: `duplicates`.
"""

PUBLIC = ("service", "inputs", "removal", "lines", "forms", "files", "autosave")
