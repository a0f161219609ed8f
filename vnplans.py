"""`python -m vnplans …`: the same command line as the `vnplans` script."""

import sys

from pipeline.cli.app import main

if __name__ == "__main__":
    sys.exit(main())
