"""``python -m drift``: the command line."""

from drift.cli import main

raise SystemExit(main())
