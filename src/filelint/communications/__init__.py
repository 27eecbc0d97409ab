"""Meet-and-confer communications read from their source (an email, an Outlook message, a
letter as PDF or Word): the facts the manifest states about each, and whose address is whose."""
