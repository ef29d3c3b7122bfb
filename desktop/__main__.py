"""`python -m desktop`: the composition root (CLI, or the GUI when no command is given)."""
from __future__ import annotations

import sys


def gui_main() -> int:
    """Console-script entry point `tdkt-desk`."""
    from desktop.cli import main

    return main()


if __name__ == "__main__":
    from desktop.cli import main

    sys.exit(main())
