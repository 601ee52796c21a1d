"""Stored conversations: reading the tracker store, the staff report (`make report`) and
the purge of old conversations (`make purge`)."""
