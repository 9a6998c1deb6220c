"""newsfacts: trade figures and troop counts from news text, to Parquet and DuckDB.

The package is the pure library: reading, cleaning, segmenting, language detection,
extraction and the warehouse writers. It never imports Prefect; ``flows/`` does the wiring.
"""

__version__ = "0.1.0"
