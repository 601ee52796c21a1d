"""`python -m bench`: answer accuracy on the held-out set and speed against a stock
`rasa init` assistant; the report goes to build/bench/report.md and report.json."""
