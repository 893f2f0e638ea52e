"""``python -m tiltaksgraf.cli``: the same as the ``tiltaksgraf`` command."""

import sys

from tiltaksgraf.cli import main

sys.exit(main())
