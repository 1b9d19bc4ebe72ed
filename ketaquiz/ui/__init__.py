"""PySide6 views over ketaquiz.core: one module per screen."""
