"""Passes a server's output through, without Python's deprecation and library warnings
(Rasa 3.6's dependencies print dozens at start-up). A warning runs from its
"file:line: SomethingWarning:" header to the next log record or traceback. With a name,
each line is prefixed with it, as `make run` shows which process a line comes from.

    rasa run ... 2>&1 | python scripts/without_warnings.py [NAME]
"""
import re
import sys

WARNING_HEADER = re.compile(r"^\S.*:\d+: \w*Warning: ")
NEXT_RECORD = re.compile(r"^(\d{4}-\d\d-\d\d |Traceback |\S+Error\b|\x1b\[)")


def main(prefix: str = "") -> None:
    in_warning = False
    for line in sys.stdin:
        if WARNING_HEADER.match(line):
            in_warning = True
        elif in_warning and NEXT_RECORD.match(line):
            in_warning = False
        if not in_warning:
            sys.stdout.write(prefix + line)
            sys.stdout.flush()


if __name__ == "__main__":
    main(f"{sys.argv[1]:<7} | " if len(sys.argv) > 1 else "")
