"""Evaluation engine results. The engine arrives with the evaluation issue."""
