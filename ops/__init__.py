"""Starting the assistant's servers: both on loopback for the tests and the bench
(servers.py), and several Rasa servers behind nginx with PostgreSQL and Redis (scaled.py)."""
