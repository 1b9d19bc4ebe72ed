"""KetaQuiz: turn an article into a spaced-repetition course."""

__version__ = "0.1.0"
