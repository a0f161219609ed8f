"""`python -m pipeline.cli`: the same as the `vnplans` command."""

import sys

from pipeline.cli.app import main

sys.exit(main())
