"""The corpus store: DuckDB tables for articles, annotations, stories and analyses, with ordered migrations."""
