"""factlint: a consistency checker for Chinese news writing."""

__version__ = "0.1.0"
