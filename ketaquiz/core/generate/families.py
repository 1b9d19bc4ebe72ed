"""Every question family the generator builds, in the order it builds them."""

from __future__ import annotations

from .attributions import attributions
from .builders import cloze_and_choice, short_answers
from .chains import chains
from .definitions import definition_choices, definition_clozes
from .enumerations import enumerations
from .lead_dates import lead_dates
from .lists import lists
from .quantities import quantities

BUILDERS = (cloze_and_choice, definition_clozes, short_answers, lists, enumerations, definition_choices, chains, quantities, attributions, lead_dates)
