"""Validated data and a terminal browser for the IMT–Inria framework partnership agreement."""

__version__ = "0.2.0"
