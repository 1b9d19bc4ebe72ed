"""python -m ketaquiz: the same as the ketaquiz command."""

import sys

from .cli import main

sys.exit(main())
