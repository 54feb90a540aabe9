"""Helpers shared by test modules: paths, command runners, stores, golden files, local servers.

Test modules import from here, never from one another or from a conftest (pytest owns those).
"""
