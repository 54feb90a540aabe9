"""Scoring rashomon against gold annotations: clustering metrics shared by the evaluation scripts."""
