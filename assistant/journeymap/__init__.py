"""The journey map: its model, the analysis that finds obstacles and resource gaps, and the exporters."""
